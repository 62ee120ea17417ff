package io.paperboy.foryou;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word part of the interest model: a logistic regression over a paper's TF-IDF terms (words and
 * pairs of words of its title and abstract) and its authors, trained on the same examples as the
 * embedding part (docs/for-you.md, "The model").
 * <p>
 * The vocabulary is every term and author of the training papers; the inverse document frequencies
 * come from the contrast papers (the background sample and the negative examples, a sample of the
 * archive) as {@code ln((1 + n) / (1 + df)) + 1}, so a term no contrast paper has gets the highest. A
 * paper's row is its sublinear TF-IDF vector (1 + ln tf), scaled to unit length over all its terms
 * (those the vocabulary lacks count in the length, not in the score), plus {@code authorShare} times
 * the unit vector of its authors, the whole scaled to unit length again.
 */
final class WordModel {

	/**
	 * A candidate's author who also wrote positive examples: how many, their total weight and the
	 * heaviest of them.
	 */
	record AuthorMatch(String name, String because, int examples, double weight) {
	}

	/** The positive example whose words are closest to a paper's, and their cosine. */
	record Nearest(String id, double cosine) {
	}

	private final TermIndex vocabulary;

	private final double[] idf;

	private final double unseenIdf;

	private final double authorShare;

	private final LogisticRegression.Weights weights;

	private final List<SparseRows.Row> positiveRows;

	private final String[] positiveIds;

	private final double[] positiveLogShares;

	/** For each author of a positive example: the total weight of the positive examples they wrote. */
	private final Map<Long, Double> authorWeights;

	/** For each author of a positive example: the heaviest positive example they wrote (the first of equals). */
	private final Map<Long, String> authorExamples;

	/** For each author of a positive example: how many positive examples they wrote. */
	private final Map<Long, Integer> authorCounts;

	private WordModel(TermIndex vocabulary, double[] idf, double unseenIdf, double authorShare,
			LogisticRegression.Weights weights, List<SparseRows.Row> positiveRows, String[] positiveIds,
			double[] positiveLogShares, Map<Long, Double> authorWeights, Map<Long, String> authorExamples,
			Map<Long, Integer> authorCounts) {
		this.vocabulary = vocabulary;
		this.idf = idf;
		this.unseenIdf = unseenIdf;
		this.authorShare = authorShare;
		this.weights = weights;
		this.positiveRows = positiveRows;
		this.positiveIds = positiveIds;
		this.positiveLogShares = positiveLogShares;
		this.authorWeights = authorWeights;
		this.authorExamples = authorExamples;
		this.authorCounts = authorCounts;
	}

	/**
	 * A word model separating the positive papers from the contrast papers (negative examples and
	 * background), with these sample weights.
	 */
	static WordModel train(List<PaperWords> positives, double[] positiveWeights, String[] positiveIds,
			List<PaperWords> contrast, double[] contrastWeights, double authorShare, double penalty, int iterations) {
		TermIndex vocabulary = new TermIndex();
		for (PaperWords paper : positives) {
			vocabulary.addAll(paper);
		}
		for (PaperWords paper : contrast) {
			vocabulary.addAll(paper);
		}
		int[] documents = new int[vocabulary.size()];
		for (PaperWords paper : contrast) {
			for (long term : paper.terms()) {
				documents[vocabulary.get(term)]++;
			}
		}
		double[] idf = new double[vocabulary.size()];
		for (int i = 0; i < idf.length; i++) {
			idf[i] = Math.log((1.0 + contrast.size()) / (1.0 + documents[i])) + 1;
		}
		double unseenIdf = Math.log(1.0 + contrast.size()) + 1;
		WordModel unfitted = new WordModel(vocabulary, idf, unseenIdf, authorShare, null, List.of(), new String[0],
				new double[0], Map.of(), Map.of(), Map.of());
		List<SparseRows.Row> rows = new ArrayList<>(positives.size() + contrast.size());
		boolean[] positive = new boolean[positives.size() + contrast.size()];
		double[] sampleWeights = new double[positive.length];
		Map<Long, Double> authorWeights = new HashMap<>();
		Map<Long, String> authorExamples = new HashMap<>();
		Map<Long, Integer> authorCounts = new HashMap<>();
		Map<Long, Double> heaviest = new HashMap<>();
		double total = 0;
		for (int i = 0; i < positives.size(); i++) {
			rows.add(unfitted.row(positives.get(i)));
			positive[i] = true;
			sampleWeights[i] = positiveWeights[i];
			total += positiveWeights[i];
			for (long author : positives.get(i).authors()) {
				authorWeights.merge(author, positiveWeights[i], Double::sum);
				authorCounts.merge(author, 1, Integer::sum);
				if (positiveWeights[i] > heaviest.getOrDefault(author, 0.0)) {
					heaviest.put(author, positiveWeights[i]);
					authorExamples.put(author, positiveIds[i]);
				}
			}
		}
		for (int i = 0; i < contrast.size(); i++) {
			rows.add(unfitted.row(contrast.get(i)));
			sampleWeights[positives.size() + i] = contrastWeights[i];
		}
		LogisticRegression.Weights weights = LogisticRegression.train(new SparseRows(rows, vocabulary.size()), positive,
				sampleWeights, penalty, iterations);
		double[] logShares = new double[positives.size()];
		for (int i = 0; i < logShares.length; i++) {
			logShares[i] = Math.log(positiveWeights[i] / total);
		}
		return new WordModel(vocabulary, idf, unseenIdf, authorShare, weights,
				List.copyOf(rows.subList(0, positives.size())), positiveIds, logShares, authorWeights, authorExamples,
				authorCounts);
	}

	/** The regression's log-odds for a paper. */
	double score(PaperWords paper) {
		return row(paper).dot(this.weights.direction()) + this.weights.bias();
	}

	/**
	 * The author affinity of a paper: for each of its authors, ln(1 + the total weight of the positive
	 * examples they wrote); 0 when it shares no author with them.
	 */
	double affinity(PaperWords paper) {
		double affinity = 0;
		for (long author : paper.authors()) {
			affinity += Math.log1p(this.authorWeights.getOrDefault(author, 0.0));
		}
		return affinity;
	}

	/** The paper's author who wrote the most (by weight) of the positive examples, if any did. */
	AuthorMatch authorMatch(PaperWords paper) {
		AuthorMatch best = null;
		for (int i = 0; i < paper.authors().length; i++) {
			Double weight = this.authorWeights.get(paper.authors()[i]);
			if (weight != null && (best == null || weight > best.weight())) {
				best = new AuthorMatch(paper.authorNames().get(i), this.authorExamples.get(paper.authors()[i]),
						this.authorCounts.get(paper.authors()[i]), weight);
			}
		}
		return best;
	}

	/**
	 * The positive example with the highest weighted closeness of words to this paper (as the
	 * embedding part names one: {@code ln(share) + cosine / temperature}).
	 */
	Nearest nearest(PaperWords paper, double temperature) {
		SparseRows.Row row = row(paper);
		float[] dense = new float[this.vocabulary.size()];
		for (int i = 0; i < row.indices().length; i++) {
			dense[row.indices()[i]] = row.values()[i];
		}
		int best = 0;
		double bestValue = Double.NEGATIVE_INFINITY;
		double bestCosine = 0;
		for (int i = 0; i < this.positiveRows.size(); i++) {
			double cosine = this.positiveRows.get(i).dot(dense);
			double value = this.positiveLogShares[i] + cosine / temperature;
			if (value > bestValue) {
				bestValue = value;
				best = i;
				bestCosine = cosine;
			}
		}
		return new Nearest(this.positiveIds[best], bestCosine);
	}

	/** A paper's row: its unit TF-IDF vector plus {@code authorShare} times its authors', scaled to unit length. */
	SparseRows.Row row(PaperWords paper) {
		int known = 0;
		for (long term : paper.terms()) {
			known += (this.vocabulary.get(term) >= 0) ? 1 : 0;
		}
		for (long author : paper.authors()) {
			known += (this.vocabulary.get(author) >= 0) ? 1 : 0;
		}
		if (known == 0) {
			return SparseRows.Row.EMPTY;
		}
		int[] indices = new int[known];
		float[] values = new float[known];
		double wordNorm = 0;
		int at = 0;
		for (int i = 0; i < paper.terms().length; i++) {
			int index = this.vocabulary.get(paper.terms()[i]);
			double value = (1 + Math.log(paper.counts()[i])) * ((index >= 0) ? this.idf[index] : this.unseenIdf);
			wordNorm += value * value;
			if (index >= 0) {
				indices[at] = index;
				values[at++] = (float) value;
			}
		}
		int words = at;
		wordNorm = Math.sqrt(wordNorm);
		int authors = paper.authors().length;
		double authorShare = (authors > 0) ? this.authorShare : 0;
		double scale = 1 / Math.sqrt(((wordNorm > 0) ? 1 : 0) + authorShare * authorShare);
		for (int i = 0; i < words; i++) {
			values[i] = (float) (values[i] / wordNorm * scale);
		}
		for (long author : paper.authors()) {
			int index = this.vocabulary.get(author);
			if (index >= 0) {
				indices[at] = index;
				values[at++] = (float) (authorShare / Math.sqrt(authors) * scale);
			}
		}
		return new SparseRows.Row(indices, values);
	}

	/** Terms and authors (hashes) to feature numbers, in an open-addressing table. */
	private static final class TermIndex {

		private long[] keys = new long[1 << 14];

		private int[] values = new int[1 << 14];

		private boolean[] used = new boolean[1 << 14];

		private int size;

		int size() {
			return this.size;
		}

		void addAll(PaperWords paper) {
			for (long term : paper.terms()) {
				add(term);
			}
			for (long author : paper.authors()) {
				add(author);
			}
		}

		/** The number of a term, or -1 when it is not in the vocabulary. */
		int get(long key) {
			int mask = this.keys.length - 1;
			int slot = slot(key, mask);
			while (this.used[slot]) {
				if (this.keys[slot] == key) {
					return this.values[slot];
				}
				slot = (slot + 1) & mask;
			}
			return -1;
		}

		private void add(long key) {
			if (2 * (this.size + 1) > this.keys.length) {
				grow();
			}
			int mask = this.keys.length - 1;
			int slot = slot(key, mask);
			while (this.used[slot]) {
				if (this.keys[slot] == key) {
					return;
				}
				slot = (slot + 1) & mask;
			}
			this.used[slot] = true;
			this.keys[slot] = key;
			this.values[slot] = this.size++;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldValues = this.values;
			boolean[] oldUsed = this.used;
			this.keys = new long[oldKeys.length * 2];
			this.values = new int[oldKeys.length * 2];
			this.used = new boolean[oldKeys.length * 2];
			int mask = this.keys.length - 1;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldUsed[i]) {
					int slot = slot(oldKeys[i], mask);
					while (this.used[slot]) {
						slot = (slot + 1) & mask;
					}
					this.used[slot] = true;
					this.keys[slot] = oldKeys[i];
					this.values[slot] = oldValues[i];
				}
			}
		}

		private static int slot(long key, int mask) {
			long mixed = key * 0x9e3779b97f4a7c15L;
			return (int) (mixed >>> 40) & mask;
		}

	}

}
