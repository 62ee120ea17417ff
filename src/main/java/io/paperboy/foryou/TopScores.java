package io.paperboy.foryou;

/**
 * The indices of the highest scores, highest first, by a bounded heap: ranking 10,000 candidates for
 * a page of 30 keeps 30 indices, not a sorted copy of all of them.
 */
final class TopScores {

	private TopScores() {
	}

	/** The indices of the {@code limit} highest scores, highest first; equal scores in index order. */
	static int[] indices(double[] scores, int limit) {
		int size = Math.min(limit, scores.length);
		// a min-heap of the best so far: its root is the weakest kept, the one a better score replaces
		int[] heap = new int[size];
		int count = 0;
		for (int index = 0; index < scores.length; index++) {
			if (count < size) {
				heap[count] = index;
				up(heap, count++, scores);
			}
			else if (size > 0 && before(index, heap[0], scores)) {
				heap[0] = index;
				down(heap, 0, count, scores);
			}
		}
		int[] ranked = new int[count];
		for (int i = count - 1; i >= 0; i--) {
			ranked[i] = heap[0];
			heap[0] = heap[i];
			down(heap, 0, i, scores);
		}
		return ranked;
	}

	/** Whether index {@code a} ranks before index {@code b}: a higher score, or the same and given first. */
	private static boolean before(int a, int b, double[] scores) {
		return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
	}

	private static void up(int[] heap, int at, double[] scores) {
		while (at > 0) {
			int parent = (at - 1) / 2;
			if (!before(heap[parent], heap[at], scores)) {
				return;
			}
			swap(heap, at, parent);
			at = parent;
		}
	}

	private static void down(int[] heap, int at, int count, double[] scores) {
		while (true) {
			int weakest = at;
			int left = 2 * at + 1;
			int right = left + 1;
			if (left < count && before(heap[weakest], heap[left], scores)) {
				weakest = left;
			}
			if (right < count && before(heap[weakest], heap[right], scores)) {
				weakest = right;
			}
			if (weakest == at) {
				return;
			}
			swap(heap, at, weakest);
			at = weakest;
		}
	}

	private static void swap(int[] heap, int a, int b) {
		int kept = heap[a];
		heap[a] = heap[b];
		heap[b] = kept;
	}

}
