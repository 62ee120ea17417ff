package io.paperboy.digest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a digest keyword is looked for in a paper's text: whole words, any case, spaces or hyphens between words. */
class KeywordMatchingTests {

	@Test
	void aKeywordMatchesWholeWordsInAnyCase() {
		assertThat(matches("Retrieval-Augmented Generation (RAG) for code", "rag")).isTrue();
		assertThat(matches("Retrieval-Augmented Generation (RAG) for code", "RAG")).isTrue();
		assertThat(matches("A fragment of the graph", "rag")).isFalse();
		assertThat(matches("Graphs everywhere", "graph")).isFalse();
		assertThat(matches("graph", "graph")).isTrue();
	}

	@Test
	void wordsOfAPhraseMayBeSeparatedByAnyRunOfSpacesOrHyphens() {
		assertThat(matches("Graph-Neural\n  Networks at scale", "graph neural networks")).isTrue();
		assertThat(matches("graph neural networks", "Graph-Neural-Networks")).isTrue();
		assertThat(matches("We fine-tune GPT-4 on", "gpt 4")).isTrue();
		assertThat(matches("graph, neural networks", "graph neural networks")).as("a comma is not a space").isFalse();
	}

	@Test
	void digitsAndLettersOfAnyScriptBoundWords() {
		assertThat(matches("Llama 30B", "llama 3")).isFalse();
		assertThat(matches("Llama 3, the herd", "llama 3")).isTrue();
		assertThat(matches("Schrödinger bridges", "schrödinger")).isTrue();
		assertThat(matches("Schrödingers bridges", "schrödinger")).isFalse();
		assertThat(matches("x²", "x")).as("a superscript two is a number").isFalse();
		assertThat(matches("Ünsupervised", "ünsupervised")).isTrue();
	}

	@Test
	void theFirstHitNeedNotBeAWholeWordForALaterOneToCount() {
		assertThat(matches("transformers and a transformer", "transformer")).isTrue();
	}

	@Test
	void aBlankKeywordMatchesNothing() {
		assertThat(matches("anything", " - ")).isFalse();
		assertThat(matches("", "graph")).isFalse();
	}

	private static boolean matches(String text, String keyword) {
		return Digests.hasPhrase(Digests.folded(text), Digests.folded(keyword));
	}

}
