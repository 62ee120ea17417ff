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

	@Test
	void aQuotedPhraseIsMarkedOnlyWhereItsWordsStandTogether() {
		Query query = this.compiler.compile(SearchQuery.parse("\"reward tampering\""));
		assertThat(this.highlighting.whole(query, PaperFields.ABSTRACT,
				"Reward models resist tampering. We study reward tampering here."))
			.containsExactly(HighlightSegment.text("Reward models resist tampering. We study "),
					HighlightSegment.highlight("reward tampering"), HighlightSegment.text(" here."));
	}

	@Test
	void aPhraseWithAStopWordIsMarkedWhereItStands() {
		Query query = this.compiler.compile(SearchQuery.parse("\"state of the art\""));
		assertThat(this.highlighting.whole(query, PaperFields.ABSTRACT, "The art of the state, and the state of the art."))
			.containsExactly(HighlightSegment.text("The art of the state, and the "), HighlightSegment.highlight("state"),
					HighlightSegment.text(" of the "), HighlightSegment.highlight("art"), HighlightSegment.text("."));
	}

	@Test
	void wordsSeparatedByPunctuationAreMarkedApart() {
		Query query = this.compiler.compile(SearchQuery.parse("vision language"));
		assertThat(this.highlighting.whole(query, PaperFields.TITLE, "Vision, Language"))
			.containsExactly(HighlightSegment.highlight("Vision"), HighlightSegment.text(", "),
					HighlightSegment.highlight("Language"));
	}

	@Test
	void anExcerptIsThePassageWithTheMostDifferentMatchedWords() {
		String text = "Tampering once. " + "Filler words that say little and fill the space. ".repeat(4)
				+ "Reward tampering, reward hacking.";
		Query query = this.compiler.compile(SearchQuery.parse("reward tampering"));
		List<HighlightSegment> excerpt = this.highlighting.excerpt(query, PaperFields.ABSTRACT, text, 60);
		assertThat(excerpt).contains(HighlightSegment.highlight("Reward tampering"), HighlightSegment.highlight("reward"));
		assertThat(String.join("", excerpt.stream().map(HighlightSegment::text).toList())).hasSizeLessThanOrEqualTo(60)
			.startsWith("…")
			.endsWith("hacking.");
	}

	@Test
	void anExcerptCutAtBothEndsSaysSoWithEllipses() {
		String text = "Opening words of the abstract. Agents speak of reward tampering at length, in the middle. "
				+ "Closing words that go on and on.";
		Query query = this.compiler.compile(SearchQuery.parse("tampering"));
		List<HighlightSegment> excerpt = this.highlighting.excerpt(query, PaperFields.ABSTRACT, text, 60);
		String shown = String.join("", excerpt.stream().map(HighlightSegment::text).toList());
		assertThat(shown).hasSizeLessThanOrEqualTo(60).startsWith("…").endsWith("…");
		assertThat(excerpt.get(0)).isEqualTo(HighlightSegment.text("…Agents speak of reward "));
		assertThat(excerpt).contains(HighlightSegment.highlight("tampering"));
		// whole words only
		assertThat(text).contains(shown.substring(1, shown.length() - 1));
		assertThat(shown.substring(1, shown.length() - 1)).matches("\\S.*\\S").doesNotEndWith(" ");
		assertThat(text.indexOf(shown.substring(1, shown.length() - 1)) + shown.length() - 2)
			.satisfies((end) -> assertThat(Character.isLetter(text.charAt(end))).isFalse());
	}

	@Test
	void anExcerptAtTheStartOfTheTextHasNoEllipsisBefore() {
		String text = "Tampering first, then many more words that fill the abstract well past the excerpt's end.";
		Query query = this.compiler.compile(SearchQuery.parse("tampering"));
		List<HighlightSegment> excerpt = this.highlighting.excerpt(query, PaperFields.ABSTRACT, text, 40);
		assertThat(excerpt.get(0)).isEqualTo(HighlightSegment.highlight("Tampering"));
		assertThat(excerpt.get(excerpt.size() - 1).text()).endsWith("…");
		assertThat(String.join("", excerpt.stream().map(HighlightSegment::text).toList())).hasSizeLessThanOrEqualTo(40);
	}

	@Test
	void aTextShorterThanTheExcerptIsShownWholeWithoutEllipsis() {
		Query query = this.compiler.compile(SearchQuery.parse("tampering"));
		assertThat(this.highlighting.excerpt(query, PaperFields.ABSTRACT, "Reward tampering, briefly.", 60)).containsExactly(
				HighlightSegment.text("Reward "), HighlightSegment.highlight("tampering"), HighlightSegment.text(", briefly."));
	}

	@Test
	void anExcerptWithoutMatchesIsTheStartOfTheText() {
		Query query = this.compiler.compile(SearchQuery.parse("vision"));
		assertThat(this.highlighting.excerpt(query, PaperFields.ABSTRACT, "Words. ".repeat(30), 20))
			.containsExactly(HighlightSegment.text("Words. Words.…"));
	}

	@Test
	void oneSearchsMarksServeEveryText() {
		Highlighting.Marks marks = this.highlighting.marks(this.compiler.compile(SearchQuery.parse("model")));
		assertThat(marks.whole(PaperFields.TITLE, "A Model")).containsExactly(HighlightSegment.text("A "),
				HighlightSegment.highlight("Model"));
		assertThat(marks.whole(PaperFields.TITLE, "Models, models")).containsExactly(HighlightSegment.highlight("Models"),
				HighlightSegment.text(", "), HighlightSegment.highlight("models"));
	}

	@Test
	void noQueryMarksNothing() {
		assertThat(this.highlighting.whole(null, PaperFields.TITLE, "A Model")).containsExactly(HighlightSegment.text("A Model"));
	}

	@Test
	void aTextMarkedForOneQueryIsMarkedAfreshForTheNext() {
		String title = "Vision Language Models for Reward Tampering";
		Query vision = this.compiler.compile(SearchQuery.parse("vision"));
		Query tampering = this.compiler.compile(SearchQuery.parse("\"reward tampering\""));
		assertThat(this.highlighting.whole(vision, PaperFields.TITLE, title)).containsExactly(
				HighlightSegment.highlight("Vision"), HighlightSegment.text(" Language Models for Reward Tampering"));
		assertThat(this.highlighting.whole(tampering, PaperFields.TITLE, title)).containsExactly(
				HighlightSegment.text("Vision Language Models for "), HighlightSegment.highlight("Reward Tampering"));
		assertThat(this.highlighting.excerpt(vision, PaperFields.TITLE, title, 20)).containsExactly(
				HighlightSegment.highlight("Vision"), HighlightSegment.text(" Language…"));
	}

	@Test
	void textsBeyondWhatIsRememberedAreAnalysedAgainAlike() {
		Highlighting forgetful = new Highlighting(PaperFields.analyzer(), 10);
		Query query = this.compiler.compile(SearchQuery.parse("language model"));
		for (int round = 0; round < 2; round++) {
			assertThat(forgetful.whole(query, PaperFields.TITLE, "Large Language Models are Reasoners"))
				.containsExactly(HighlightSegment.text("Large "), HighlightSegment.highlight("Language Models"),
						HighlightSegment.text(" are Reasoners"));
			assertThat(forgetful.whole(query, PaperFields.ABSTRACT, "A model of language."))
				.containsExactly(HighlightSegment.text("A "), HighlightSegment.highlight("model"),
						HighlightSegment.text(" of "), HighlightSegment.highlight("language"), HighlightSegment.text("."));
		}
	}

}
