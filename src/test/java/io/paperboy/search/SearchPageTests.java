package io.paperboy.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchPageTests {

	@Test
	void whilePapersAreBeingEmbeddedThePageSaysHowFarSearchByMeaningCovers() {
		assertThat(page("hybrid", "agents", true, 12, 3, 7912, 8506).coverage())
			.isEqualTo("Search by meaning covers 7,912 of 8,506 papers so far; the others are found by their words.");
		assertThat(page("semantic", "agents", true, 0, 3, 0, 1).coverage())
			.isEqualTo("Search by meaning covers 0 of 1 paper so far; the others are found by their words.");
		assertThat(page("hybrid", "agents", true, 12, 3, 8506, 8506).coverage()).isNull();
		assertThat(page("text", "agents", false, 12, 0, 7912, 8506).coverage()).isNull();
		// embeddings switched off, or a query only words answer: meaning took no part
		assertThat(page("hybrid", "agents", false, 12, 0, 0, 8506).coverage()).isNull();
	}

	@Test
	void theSummarySaysWhatIsCounted() {
		assertThat(page("text", "agents", false, 1, 0, 5, 5).summary()).isEqualTo("1 paper found");
		assertThat(page("hybrid", "agents", true, 1200, 34, 5, 5).summary())
			.isEqualTo("1,234 papers found: 1,200 with your words, 34 more close in meaning");
		assertThat(page("hybrid", "agents", true, 12, 0, 5, 5).summary()).isEqualTo("12 papers found, all with your words");
		assertThat(page("semantic", "agents", true, 0, 7, 5, 5).summary()).isEqualTo("7 papers found close in meaning");
		assertThat(page("hybrid", "agents", true, 0, 1, 5, 5).summary()).isEqualTo("1 paper found close in meaning");
		assertThat(page("hybrid", "xyzzyplugh", true, 0, 0, 5, 5).summary()).isEqualTo("No papers found");
	}

	@Test
	void pastTheBoundTheSummarySaysMoreThanAndTheFacetsSayWhatTheyCount() {
		assertThat(capped("text", "relevance", false, 1000, 0).summary()).isEqualTo("More than 1,000 papers found");
		assertThat(capped("text", "relevance", false, 1000, 0).facetScope())
			.isEqualTo("Counted among the 1,000 papers that match your words best.");
		assertThat(capped("text", "date", false, 1000, 0).facetScope()).isEqualTo("Counted among the 1,000 newest papers found.");
		assertThat(capped("text", "upvotes", false, 1000, 0).facetScope())
			.isEqualTo("Counted among the 1,000 most upvoted papers found.");
		assertThat(capped("hybrid", "relevance", true, 1000, 34).summary())
			.isEqualTo("More than 1,034 papers found: more than 1,000 with your words, 34 more close in meaning");
		assertThat(capped("hybrid", "date", true, 1000, 34).facetScope())
			.isEqualTo("Counted among the 1,000 papers that match your words best and the 34 close in meaning.");
		assertThat(capped("hybrid", "relevance", true, 1000, 0).summary())
			.isEqualTo("More than 1,000 papers found, all with your words");
		assertThat(page("text", "agents", false, 999, 0, 5, 5).facetScope()).isNull();
		assertThat(page("text", "agents", false, 999, 0, 5, 5).summary()).isEqualTo("999 papers found");
	}

	@Test
	void theLastPageAReaderMayOpenHasNoNextLink() {
		assertThat(onPage(49, 1034).hasNext()).isTrue();
		assertThat(onPage(SearchPageController.MAX_PAGE, 1034).hasNext()).isFalse();
		assertThat(onPage(2, 40).hasNext()).isFalse();
	}

	@Test
	void aQueryAnsweredByWordsWhenMeaningWasAskedForIsNamedSo() {
		assertThat(page("hybrid", "author:lee", false, 3, 0, 5, 5).answeredByWords()).isTrue();
		assertThat(page("text", "author:lee", false, 3, 0, 5, 5).answeredByWords()).isFalse();
		assertThat(page("hybrid", "agents", true, 3, 0, 5, 5).answeredByWords()).isFalse();
	}

	private static SearchPage page(String mode, String q, boolean semantic, int words, int meaning, int embedded,
			int indexed) {
		return new SearchPage(q, mode, "relevance", null, null, null, null, List.of(), words + meaning, Map.of(),
				Map.of(), semantic, words, meaning, embedded, indexed, false, null, 1, 20);
	}

	private static SearchPage capped(String mode, String sort, boolean semantic, int words, int meaning) {
		return new SearchPage("agents", mode, sort, null, null, null, null, List.of(), words + meaning, Map.of(),
				Map.of(), semantic, words, meaning, 5, 5, true, null, 1, 20);
	}

	private static SearchPage onPage(int number, int total) {
		return new SearchPage("agents", "text", "relevance", null, null, null, null, List.of(), total, Map.of(),
				Map.of(), false, total, 0, 5, 5, total > PaperSearcher.COUNTED, null, number, 20);
	}

}
