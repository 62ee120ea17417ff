package io.paperboy.foryou;

import java.util.List;
import java.util.Set;

/** The two measures of a ranking against the papers a member really chose (binary relevance). */
final class RankingMetrics {

	private RankingMetrics() {
	}

	/**
	 * Normalised discounted cumulative gain of the first {@code k} places: each relevant paper at place
	 * i (from 1) gains 1 / log2(i + 1), divided by the gain of the ideal order; 0 without relevant papers.
	 */
	static double ndcg(List<String> ranking, Set<String> relevant, int k) {
		double gain = 0;
		for (int i = 0; i < Math.min(k, ranking.size()); i++) {
			if (relevant.contains(ranking.get(i))) {
				gain += 1 / log2(i + 2);
			}
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(k, relevant.size()); i++) {
			ideal += 1 / log2(i + 2);
		}
		return (ideal == 0) ? 0 : gain / ideal;
	}

	/** The share of the relevant papers found in the first {@code k} places; 0 without relevant papers. */
	static double recall(List<String> ranking, Set<String> relevant, int k) {
		if (relevant.isEmpty()) {
			return 0;
		}
		long found = ranking.stream().limit(k).filter(relevant::contains).count();
		return (double) found / relevant.size();
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
