package io.paperboy.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.paperboy.support.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-item search on the whole real archive of Hugging Face's daily papers (8,506 papers): for
 * 1,000 papers sampled with a fixed seed, the exact title, and then a distinctive sentence of the
 * abstract, must find the paper first. Words only: what a reader pastes is words.
 */
@Tag("real-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQualityRealArchiveTests {

	private static final int SAMPLE = 1000;

	private SearchIndex index;

	private PaperSearcher searcher;

	private List<IndexedPaper> sample;

	@BeforeAll
	void indexTheWholeArchive(@TempDir Path folder) {
		List<IndexedPaper> papers = RealArchive.hfDailyPapers(SharedData.hfDailyPapers());
		assertThat(papers).hasSize(8506);
		this.index = RealArchive.indexByWords(folder, papers);
		this.searcher = new PaperSearcher(this.index, PaperFields.analyzer());
		List<IndexedPaper> shuffled = new ArrayList<>(papers);
		Collections.shuffle(shuffled, new Random(20261127));
		this.sample = shuffled.subList(0, SAMPLE);
	}

	@AfterAll
	void close() {
		// null when the real data is absent and the class was skipped
		if (this.index != null) {
			this.index.close();
		}
	}

	@Test
	void theExactTitleFindsThePaperFirstForAtLeast99PerCent() {
		int first = knownItems((paper) -> cut(paper.title()), "title");
		assertThat(first).isGreaterThanOrEqualTo(990);
	}

	@Test
	void aDistinctiveSentenceOfTheAbstractFindsThePaperFirstForAtLeast95PerCent() {
		int first = knownItems((paper) -> distinctiveSentence(paper.summary()), "abstract sentence");
		assertThat(first).isGreaterThanOrEqualTo(950);
	}

	private int knownItems(java.util.function.Function<IndexedPaper, String> query, String what) {
		int first = 0;
		List<String> misses = new ArrayList<>();
		for (IndexedPaper paper : this.sample) {
			String text = query.apply(paper);
			List<String> found = this.searcher
				.search(new SearchRequest(SearchQuery.parse(text), SearchRequest.Mode.TEXT, SearchRequest.Sort.RELEVANCE,
						null, null, null, null, 0, 1), null)
				.ids();
			if (!found.isEmpty() && found.get(0).equals(paper.id())) {
				first++;
			}
			else {
				misses.add(paper.id() + " -> " + found + ": " + text);
			}
		}
		System.out.printf("Known-item by %s: %d of %d first (%.1f%%); misses: %s%n", what, first, SAMPLE,
				100.0 * first / SAMPLE, misses.subList(0, Math.min(10, misses.size())));
		return first;
	}

	/**
	 * The longest sentence of the abstract: long sentences carry the paper's own terms, where short
	 * ones ("We release our code.") could belong to any paper.
	 */
	static String distinctiveSentence(String summary) {
		List<String> sentences = new ArrayList<>(List.of(summary.split("(?<=[.!?])\\s+")));
		sentences.sort(Comparator.comparingInt(String::length).reversed());
		return cut(sentences.get(0));
	}

	/** At most the 250 characters a query may have, cut at a word. */
	static String cut(String text) {
		if (text.length() <= PaperSearch.MAX_QUERY_LENGTH) {
			return text;
		}
		int space = text.lastIndexOf(' ', PaperSearch.MAX_QUERY_LENGTH);
		return text.substring(0, (space > 0) ? space : PaperSearch.MAX_QUERY_LENGTH);
	}

}
