package io.paperboy.foryou;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The TF-IDF vectorizer and the linear SVM of arxiv-sanity-lite, as rebuilt for the evaluation. */
class ArxivSanityBaselineTests {

	private static final List<String> CORPUS = List.of("Graph neural networks for molecule graphs",
			"Message passing graph neural networks scale", "Graph attention networks on citation graphs",
			"Protein folding with deep structure models", "Protein structure prediction from sequences",
			"Folding proteins by structure diffusion");

	@Test
	void termsAreWordsAndPairsOfNeighbouringWordsWithoutStopWordsAccentsOrShortTokens() {
		Map<String, Integer> terms = TfIdfVectorizer.termCounts("A café for Graph graph 3D x2 networks");
		assertThat(terms).containsOnlyKeys("cafe", "graph", "x2", "networks", "cafe graph", "graph graph", "graph x2",
				"x2 networks");
		assertThat(terms.get("graph")).isEqualTo(2);
	}

	@Test
	void weightsAreSublinearTermFrequencyTimesSmoothedIdfScaledToUnitLength() {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of("apple apple banana", "banana cherry"), 1, 1.0, 100);
		SparseVector first = vectorizer.transform("apple apple banana");
		// apple: (1 + ln 2) × (ln(3/2) + 1); banana: 1 × (ln(3/3) + 1); "apple apple", "apple banana": 1 × (ln(3/2) + 1)
		double rare = Math.log(1.5) + 1;
		double apple = (1 + Math.log(2)) * rare;
		double norm = Math.sqrt(apple * apple + 1 + 2 * rare * rare);
		assertThat(vectorizer.features()).isEqualTo(6);
		assertThat(first.indices()).hasSize(4);
		assertThat(first.squaredNorm()).isCloseTo(1, within(1e-6));
		assertThat(max(first)).isCloseTo(apple / norm, within(1e-6));
	}

	@Test
	void termsInTooManyOrTooFewDocumentsAreDropped() {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of("common rare", "other common", "common other"), 2, 0.9,
				100);
		// "common" is in all three (more than 90%), "rare" in one (fewer than 2): only "other" is left
		assertThat(vectorizer.features()).isEqualTo(1);
		assertThat(vectorizer.transform("common rare").indices()).isEmpty();
	}

	@Test
	void onlyTheMostFrequentTermsAreKept() {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of("alpha alpha beta", "alpha gamma"), 1, 1.0, 1);
		assertThat(vectorizer.features()).isEqualTo(1);
		assertThat(vectorizer.transform("beta gamma").indices()).isEmpty();
		assertThat(vectorizer.transform("alpha").indices()).hasSize(1);
	}

	@Test
	void theSvmRanksAPaperOfTheMembersTopicAboveOneOfAnother() {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(CORPUS, 1, 0.6, 1000);
		List<SparseVector> rows = CORPUS.stream().map(vectorizer::transform).toList();
		boolean[] positive = { true, true, true, false, false, false };
		double[] weights = LinearSvm.train(rows, positive, vectorizer.features(), 1, 1e-6, 1000, 1);
		for (int i = 0; i < rows.size(); i++) {
			assertThat(LinearSvm.margin(weights, rows.get(i)) > 0).as(CORPUS.get(i)).isEqualTo(positive[i]);
		}
		assertThat(LinearSvm.margin(weights, vectorizer.transform("Graph networks for traffic")))
			.isGreaterThan(LinearSvm.margin(weights, vectorizer.transform("Protein structure of enzymes")));
	}

	@Test
	void theSameSeedGivesTheSameWeights() {
		TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(CORPUS, 1, 0.6, 1000);
		List<SparseVector> rows = CORPUS.stream().map(vectorizer::transform).toList();
		boolean[] positive = { true, false, true, false, false, false };
		assertThat(LinearSvm.train(rows, positive, vectorizer.features(), 0.01, 1e-6, 5, 3))
			.containsExactly(LinearSvm.train(rows, positive, vectorizer.features(), 0.01, 1e-6, 5, 3));
	}

	@Test
	void theSvmNeedsBothClasses() {
		List<SparseVector> rows = List.of(new SparseVector(new int[] { 0 }, new float[] { 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> LinearSvm.train(rows, new boolean[] { true }, 1, 0.01, 1e-6, 10, 1))
			.withMessageContaining("Both classes");
	}

	private static double max(SparseVector vector) {
		double max = 0;
		for (float value : vector.values()) {
			max = Math.max(max, value);
		}
		return max;
	}

}
