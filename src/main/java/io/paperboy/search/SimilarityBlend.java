package io.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How similar papers are ranked once a paper has a vector: its nearest papers by meaning and its
 * most alike by words ("more like this", BM25) both bring candidates, and each candidate scores
 * {@value #MEANING} times its cosine similarity to the paper plus {@code 1 - }{@value #MEANING} times
 * its BM25 score divided by the best BM25 score among the candidates (so that both lie in 0..1). A
 * candidate without a vector yet (not embedded) counts its share of words in place of the cosine it
 * cannot have, as if meaning agreed with words, so that new papers are not demoted while the
 * embedding queue catches up. Chosen on the offline evaluation (docs/search.md, bench/similarity.sh):
 * the blend ranked graded pools better than meaning alone, words alone and reciprocal rank fusion.
 */
final class SimilarityBlend {

	/** The weight of meaning (cosine similarity); words (normalised BM25) weigh the rest. */
	static final double MEANING = 0.7;

	private SimilarityBlend() {
	}

	/**
	 * The candidates, best first, at most {@code count}.
	 * @param cosines the cosine similarity to the paper of every candidate that has a vector
	 * @param words the BM25 score of the candidates that share the paper's telling words
	 * @param withoutVector candidates that have no vector (among those found by words)
	 */
	static <T> List<T> rank(Map<T, Double> cosines, Map<T, Double> words, java.util.Set<T> withoutVector, int count) {
		double best = words.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		Map<T, Double> scores = new LinkedHashMap<>();
		cosines.forEach((item, cosine) -> scores.put(item, MEANING * cosine + (1 - MEANING) * share(words.get(item), best)));
		for (T item : withoutVector) {
			scores.put(item, share(words.get(item), best));
		}
		List<Map.Entry<T, Double>> ranked = new ArrayList<>(scores.entrySet());
		// a stable sort: ties keep the order candidates came in (meaning's first)
		ranked.sort(Comparator.comparingDouble((Map.Entry<T, Double> entry) -> entry.getValue()).reversed());
		return ranked.stream().limit(count).map(Map.Entry::getKey).toList();
	}

	private static double share(Double score, double best) {
		return (score == null || best <= 0) ? 0 : score / best;
	}

}
