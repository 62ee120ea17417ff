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
 * The document frequencies come from the contrast papers (the background sample and the negative
 * examples, a sample of the archive) as {@code ln((1 + n) / (1 + df)) + 1}, so a term no contrast paper
 * has gets the highest. A paper's row is its sublinear TF-IDF vector (1 + ln tf), scaled to unit length
 * over all its terms, plus {@code authorShare} times the unit vector of its authors, the whole scaled to
 * unit length again; the regression's features are the terms and authors of the positive examples
 * (the other terms count in a paper's length, not in its score).
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

	/** For each term of the vocabulary, its feature in the regression, or -1 when no positive example has it. */
	private final int[] features;

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

	/** The regression's log-odds of each contrast paper, in the order given. */
	private final double[] contrastScores;

	/** 1 + ln(tf) for the term frequencies met most. */
	private static final double[] SUBLINEAR = new double[64];

	static {
		for (int count = 1; count < SUBLINEAR.length; count++) {
			SUBLINEAR[count] = 1 + Math.log(count);
		}
	}

	private WordModel(TermIndex vocabulary, double[] idf, int[] features, double unseenIdf, double authorShare,
			LogisticRegression.Weights weights, List<SparseRows.Row> positiveRows, String[] positiveIds,
			double[] positiveLogShares, Map<Long, Double> authorWeights, Map<Long, String> authorExamples,
			Map<Long, Integer> authorCounts, double[] contrastScores) {
		this.vocabulary = vocabulary;
		this.idf = idf;
		this.features = features;
		this.unseenIdf = unseenIdf;
		this.authorShare = authorShare;
		this.weights = weights;
		this.positiveRows = positiveRows;
		this.positiveIds = positiveIds;
		this.positiveLogShares = positiveLogShares;
		this.authorWeights = authorWeights;
		this.authorExamples = authorExamples;
		this.authorCounts = authorCounts;
		this.contrastScores = contrastScores;
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
		// the regression's features are the terms and authors of the positive examples: a term only
		// background papers have can only lower a paper's score, which its share of the paper's length
		// (counted all the same) already does; leaving such terms out halves the training's work
		int[] features = new int[vocabulary.size()];
		java.util.Arrays.fill(features, -1);
		int featureCount = 0;
		for (PaperWords paper : positives) {
			for (long term : paper.terms()) {
				int index = vocabulary.get(term);
				if (features[index] < 0) {
					features[index] = featureCount++;
				}
			}
			for (long author : paper.authors()) {
				int index = vocabulary.get(author);
				if (features[index] < 0) {
					features[index] = featureCount++;
				}
			}
		}
		WordModel unfitted = new WordModel(vocabulary, idf, features, unseenIdf, authorShare, null, List.of(), new String[0],
				new double[0], Map.of(), Map.of(), Map.of(), new double[0]);
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
		SparseRows trainingRows = new SparseRows(rows, featureCount);
		LogisticRegression.Weights weights = LogisticRegression.train(trainingRows, positive, sampleWeights, penalty,
				iterations);
		double[] contrastScores = new double[contrast.size()];
		for (int i = 0; i < contrastScores.length; i++) {
			contrastScores[i] = trainingRows.dot(positives.size() + i, weights.direction()) + weights.bias();
		}
		double[] logShares = new double[positives.size()];
		for (int i = 0; i < logShares.length; i++) {
			logShares[i] = Math.log(positiveWeights[i] / total);
		}
		return new WordModel(vocabulary, idf, features, unseenIdf, authorShare, weights,
				List.copyOf(rows.subList(0, positives.size())), positiveIds, logShares, authorWeights, authorExamples,
				authorCounts, contrastScores);
	}

	/** The regression's log-odds for a paper (its {@link #row(PaperWords) row} times the weights, without building it). */
	double score(PaperWords paper) {
		float[] direction = this.weights.direction();
		double squares = 0;
		double words = 0;
		long[] terms = paper.terms();
		int[] counts = paper.counts();
		for (int i = 0; i < terms.length; i++) {
			int index = this.vocabulary.get(terms[i]);
			double value = sublinear(counts[i]) * ((index >= 0) ? this.idf[index] : this.unseenIdf);
			squares += value * value;
			int feature = (index >= 0) ? this.features[index] : -1;
			if (feature >= 0) {
				words += value * direction[feature];
			}
		}
		double authors = 0;
		for (long author : paper.authors()) {
			int index = this.vocabulary.get(author);
			int feature = (index >= 0) ? this.features[index] : -1;
			if (feature >= 0) {
				authors += direction[feature];
			}
		}
		double authorShare = (paper.authors().length > 0) ? this.authorShare : 0;
		double scale = 1 / Math.sqrt(((squares > 0) ? 1 : 0) + authorShare * authorShare);
		if (scale == Double.POSITIVE_INFINITY) {
			return this.weights.bias();
		}
		double score = (squares > 0) ? words / Math.sqrt(squares) : 0;
		if (authorShare > 0) {
			score += authorShare / Math.sqrt(paper.authors().length) * authors;
		}
		return score * scale + this.weights.bias();
	}

	/** The log-odds of each contrast paper the model was trained with, in the order given. */
	double[] contrastScores() {
		return this.contrastScores.clone();
	}

	private static double sublinear(int count) {
		return (count < SUBLINEAR.length) ? SUBLINEAR[count] : 1 + Math.log(count);
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
		float[] dense = new float[this.weights.direction().length];
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
		long[] terms = paper.terms();
		long[] authorKeys = paper.authors();
		int[] found = new int[terms.length + authorKeys.length];
		int known = 0;
		for (int i = 0; i < terms.length; i++) {
			found[i] = this.vocabulary.get(terms[i]);
			known += (found[i] >= 0 && this.features[found[i]] >= 0) ? 1 : 0;
		}
		for (int i = 0; i < authorKeys.length; i++) {
			found[terms.length + i] = this.vocabulary.get(authorKeys[i]);
			known += (found[terms.length + i] >= 0 && this.features[found[terms.length + i]] >= 0) ? 1 : 0;
		}
		if (known == 0) {
			return SparseRows.Row.EMPTY;
		}
		int[] indices = new int[known];
		float[] values = new float[known];
		double wordNorm = 0;
		int at = 0;
		for (int i = 0; i < terms.length; i++) {
			int index = found[i];
			double value = sublinear(paper.counts()[i]) * ((index >= 0) ? this.idf[index] : this.unseenIdf);
			wordNorm += value * value;
			if (index >= 0 && this.features[index] >= 0) {
				indices[at] = this.features[index];
				values[at++] = (float) value;
			}
		}
		int words = at;
		wordNorm = Math.sqrt(wordNorm);
		int authors = authorKeys.length;
		double authorShare = (authors > 0) ? this.authorShare : 0;
		double scale = 1 / Math.sqrt(((wordNorm > 0) ? 1 : 0) + authorShare * authorShare);
		for (int i = 0; i < words; i++) {
			values[i] = (float) (values[i] / wordNorm * scale);
		}
		for (int i = 0; i < authors; i++) {
			int index = found[terms.length + i];
			if (index >= 0 && this.features[index] >= 0) {
				indices[at] = this.features[index];
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
