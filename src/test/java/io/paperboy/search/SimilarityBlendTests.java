package io.paperboy.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityBlendTests {

	private static Map<String, Double> scores(Object... pairs) {
		Map<String, Double> scores = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			scores.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
		}
		return scores;
	}

	@Test
	void meaningWeighsSevenTenthsAndWordsTheRestRelativeToTheBestWordScore() {
		// a: 0.7 * 0.80 = 0.56; b: 0.7 * 0.60 + 0.3 * 10 / 10 = 0.72; c: 0.7 * 0.70 + 0.3 * 5 / 10 = 0.64
		List<String> ranked = SimilarityBlend.rank(scores("a", 0.80, "b", 0.60, "c", 0.70), scores("b", 10, "c", 5),
				Set.of(), 10);
		assertThat(ranked).containsExactly("b", "c", "a");
		assertThat(SimilarityBlend.MEANING).isEqualTo(0.7);
	}

	@Test
	void aCandidateWithoutAVectorCountsItsShareOfWordsInPlaceOfTheCosineAndIsNotDemoted() {
		// the newest paper, not embedded yet, is the best match by words: 1.0 against 0.7 * 0.9 + 0.3 * 0.5
		List<String> ranked = SimilarityBlend.rank(scores("old", 0.9), scores("new", 8, "old", 4), Set.of("new"), 10);
		assertThat(ranked).containsExactly("new", "old");
	}

	@Test
	void withoutWordsTheOrderIsMeanings() {
		assertThat(SimilarityBlend.rank(scores("a", 0.9, "b", 0.8, "c", 0.7), Map.of(), Set.of(), 10))
			.containsExactly("a", "b", "c");
	}

	@Test
	void atMostTheCountAskedForComeBack() {
		assertThat(SimilarityBlend.rank(scores("a", 0.9, "b", 0.8, "c", 0.7), Map.of(), Set.of(), 2))
			.containsExactly("a", "b");
	}

	@Test
	void equalScoresKeepTheOrderCandidatesCameIn() {
		assertThat(SimilarityBlend.rank(scores("a", 0.5, "b", 0.5), Map.of(), Set.of(), 2)).containsExactly("a", "b");
	}

}
