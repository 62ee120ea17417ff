package io.paperboy.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each list gives an item
 * {@code 1 / (k + rank)}, ranks counted from 1, and items are ordered by the sum. It needs no
 * calibration between BM25 scores (unbounded) and cosine similarities (-1..1), only ranks.
 */
final class ReciprocalRankFusion {

	/**
	 * The constant of the paper that introduced the method, and the usual default (Elasticsearch,
	 * OpenSearch, Vespa): large enough that being first in one list is not worth much more than being
	 * in the top ten of both, small enough that the head of each list still counts most.
	 */
	static final int K = 60;

	private ReciprocalRankFusion() {
	}

	/** The items of all lists, best first; ties keep the order of first appearance. */
	static <T> List<Fused<T>> fuse(List<List<T>> rankings) {
		return fuse(rankings, K);
	}

	static <T> List<Fused<T>> fuse(List<List<T>> rankings, int k) {
		Map<T, Double> scores = new LinkedHashMap<>();
		for (List<T> ranking : rankings) {
			for (int i = 0; i < ranking.size(); i++) {
				scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
			}
		}
		List<Fused<T>> fused = new ArrayList<>(scores.size());
		scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
		// a stable sort: equal scores stay in order of first appearance
		fused.sort(Comparator.comparingDouble((Fused<T> item) -> item.score()).reversed());
		return fused;
	}

	/** An item with its fused score. */
	record Fused<T>(T item, double score) {
	}

}
