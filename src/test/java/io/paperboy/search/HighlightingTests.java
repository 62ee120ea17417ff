package io.paperboy.search;

import java.util.List;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightingTests {

	private final Highlighting highlighting = new Highlighting(PaperFields.analyzer());

	private final QueryCompiler compiler = new QueryCompiler(PaperFields.analyzer());

	@Test
	void matchedWordsAreMarkedInTheirStemmedForms() {
		Query query = this.compiler.compile(SearchQuery.parse("language model"));
		assertThat(this.highlighting.whole(query, PaperFields.TITLE, "Large Language Models are Reasoners"))
			.containsExactly(HighlightSegment.text("Large "), HighlightSegment.highlight("Language Models"),
					HighlightSegment.text(" are Reasoners"));
	}

	@Test
	void excludedWordsAreNotMarked() {
		Query query = this.compiler.compile(SearchQuery.parse("reasoners -models"));
		assertThat(this.highlighting.whole(query, PaperFields.TITLE, "Models are Reasoners"))
			.containsExactly(HighlightSegment.text("Models are "), HighlightSegment.highlight("Reasoners"));
	}

	@Test
	void aTextWithoutMatchesIsOnePlainPiece() {
		Query query = this.compiler.compile(SearchQuery.parse("vision"));
		assertThat(this.highlighting.whole(query, PaperFields.ABSTRACT, "Nothing to see <here>."))
			.containsExactly(HighlightSegment.text("Nothing to see <here>."));
	}

	@Test
	void wordsOfAnotherFieldAreNotMarked() {
		Query query = this.compiler.compile(SearchQuery.parse("title:vision"));
		assertThat(this.highlighting.whole(query, PaperFields.ABSTRACT, "Vision everywhere"))
			.containsExactly(HighlightSegment.text("Vision everywhere"));
	}

	@Test
	void anExcerptIsThePassageThatMatched() {
		String text = "First sentence about nothing in particular, padded out with many words that say little. ".repeat(5)
				+ "Here reward tampering is discussed.";
		Query query = this.compiler.compile(SearchQuery.parse("tampering"));
		List<HighlightSegment> excerpt = this.highlighting.excerpt(query, PaperFields.ABSTRACT, text, 120);
		assertThat(excerpt).contains(HighlightSegment.highlight("tampering"));
		assertThat(excerpt.stream().mapToInt((segment) -> segment.text().length()).sum()).isLessThanOrEqualTo(140);
	}

}
