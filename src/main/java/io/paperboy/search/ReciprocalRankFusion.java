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

	/**
	 * Words and meaning fused, where some items cannot be found by meaning at all (papers not
	 * embedded yet): such an item counts its rank among words in place of the rank by meaning it
	 * cannot have, as if meaning agreed with words. An item that has a vector but is not among
	 * {@code meaning} gets nothing for meaning: it was compared and found not close.
	 * @param words items found by words, best first
	 * @param meaning items found by meaning, best first
	 * @param withoutMeaning whether an item has no vector to be compared by
	 */
	static <T> List<Fused<T>> fuse(List<T> words, List<T> meaning, java.util.function.Predicate<T> withoutMeaning) {
		Map<T, Double> scores = new LinkedHashMap<>();
		for (int i = 0; i < words.size(); i++) {
			T item = words.get(i);
			double score = 1.0 / (K + i + 1);
			scores.merge(item, withoutMeaning.test(item) ? 2 * score : score, Double::sum);
		}
		for (int i = 0; i < meaning.size(); i++) {
			scores.merge(meaning.get(i), 1.0 / (K + i + 1), Double::sum);
		}
		List<Fused<T>> fused = new ArrayList<>(scores.size());
		scores.forEach((item, score) -> fused.add(new Fused<>(item, score)));
		fused.sort(Comparator.comparingDouble((Fused<T> item) -> item.score()).reversed());
		return fused;
	}

	/** An item with its fused score. */
	record Fused<T>(T item, double score) {
	}

}
