package io.paperboy.foryou;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one member is interested in, learnt from the papers they gave signals on, scoring papers they
 * have not seen (docs/for-you.md describes the model and how it was measured).
 * <p>
 * The model has two parts. The <em>embedding part</em>: while a member has fewer than
 * {@link Settings#linearFrom()} positive examples, or when there is nothing to contrast them with (no
 * negative example and no background paper), the nearest-examples score: a soft maximum of the cosine
 * similarities to the positive examples (each counting by its weight), minus the same for the negative
 * ones; from then on a logistic regression over the embeddings separating the positive examples from the
 * negative ones and from background papers (papers the member saw and did not act on), optionally plus a
 * share of the nearest-examples score ({@link Settings#blend()}). The <em>word part</em>, when the
 * examples carry their text: a logistic regression over the papers' TF-IDF words and authors
 * ({@link WordModel}), trained on the same examples, plus the author affinity (the authors a paper
 * shares with the positive examples). With a word part the score is the sum of the two regressions'
 * scores, each standardised over the contrast papers (so that "one standard deviation above an
 * unremarkable paper" weighs the same in both; {@link Settings#words()} weighs the word part), plus
 * {@link Settings#authorBoost()} times the author affinity. A paper without a vector is ranked by its
 * words alone (its embedding part counts as an unremarkable paper's).
 * <p>
 * Every ranked paper comes with the positive example that explains it most: one written by an author
 * of the paper when that author wrote at least {@value #AUTHOR_REASON_FROM} of the positive examples,
 * else the one with the highest weighted closeness of embeddings (of words for a paper without a
 * vector), as the nearest-examples score counts it. A model is immutable and may be shared between
 * threads; training is deterministic (same examples, same order: same model).
 */
public final class InterestModel {

	/** How many of the positive examples an author must have written to be named as the reason. */
	static final int AUTHOR_REASON_FROM = 2;

	/** Which score a model uses. */
	public enum Kind {

		/** No positive example yet: every paper scores the same. */
		EMPTY,

		/** Closeness to the positive examples and away from the negative ones. */
		NEAREST,

		/**
		 * A logistic regression (over the embeddings, plus {@link Settings#blend()} times the
		 * nearest-examples score; with the texts, plus the word part).
		 */
		LINEAR

	}

	/**
	 * What a model learns from.
	 *
	 * @param positives the papers the member showed interest in (saved, upvoted, submitted, by a followed
	 * author)
	 * @param negatives the papers the member said they are not interested in
	 * @param background papers the member saw and did not act on (for example a sample of the archive),
	 * weak negatives for the regressions, and the sample the word part takes its document frequencies
	 * from; their weights are not used (the background counts together as much as the positives)
	 */
	public record Examples(List<Example> positives, List<Example> negatives, List<Example> background) {

		public Examples {
			positives = List.copyOf(positives);
			negatives = List.copyOf(negatives);
			background = List.copyOf(background);
		}

	}

	/**
	 * How a model is built.
	 *
	 * @param linearFrom the number of positive examples from which the logistic regressions are trained
	 * (below it the nearest-examples score is used); 1 by default, as the regression ranked better than
	 * the nearest examples from the first signal on in the evaluation (docs/for-you.md)
	 * @param temperature the softness of the nearest-examples maximum, in units of cosine similarity:
	 * near 0 only the single closest example counts, large values average over all of them
	 * @param penalty the L2 penalty of the logistic regression over the embeddings (larger: smoother,
	 * closer to the centroid)
	 * @param iterations the gradient steps of each logistic regression
	 * @param backgroundWeight the total weight of the background papers relative to the total weight of
	 * the positive examples
	 * @param blend the share of the nearest-examples score (as a log-likelihood ratio) added to the
	 * regression's log-odds; 0 for the regression alone
	 * @param words the weight of the word part's standardised score beside the embedding part's; 0 leaves
	 * the words out
	 * @param wordPenalty the L2 penalty of the word part's regression
	 * @param authorShare the length of a paper's author features beside its unit TF-IDF vector in the word
	 * part (0: words only)
	 * @param authorBoost the weight of the author affinity (for each author of a paper, ln(1 + the weight
	 * of the positive examples they wrote)) added to the standardised score; only with texts
	 */
	public record Settings(int linearFrom, double temperature, double penalty, int iterations, double backgroundWeight,
			double blend, double words, double wordPenalty, double authorShare, double authorBoost) {

		/**
		 * The settings docs/for-you.md measured as best on the real archive (the word part's weights
		 * chosen on a validation period before the test days).
		 */
		public static final Settings DEFAULTS = new Settings(1, 0.05, 0.001, 100, 1.0, 0.0, 4.0, 0.001, 1.0, 0.5);

		public Settings {
			if (linearFrom < 1) {
				throw new IllegalArgumentException("linearFrom must be at least 1, not " + linearFrom);
			}
			if (!(temperature > 0) || !(penalty > 0) || !(backgroundWeight > 0) || !(blend >= 0) || iterations < 1
					|| !(words >= 0) || !(wordPenalty > 0) || !(authorShare >= 0) || !(authorBoost >= 0)
					|| Double.isInfinite(words) || Double.isInfinite(authorShare) || Double.isInfinite(authorBoost)) {
				throw new IllegalArgumentException("Invalid interest model settings: " + this);
			}
		}

		public Settings withLinearFrom(int linearFrom) {
			return new Settings(linearFrom, this.temperature, this.penalty, this.iterations, this.backgroundWeight,
					this.blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		public Settings withTemperature(double temperature) {
			return new Settings(this.linearFrom, temperature, this.penalty, this.iterations, this.backgroundWeight,
					this.blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		public Settings withPenalty(double penalty) {
			return new Settings(this.linearFrom, this.temperature, penalty, this.iterations, this.backgroundWeight,
					this.blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		public Settings withIterations(int iterations) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, iterations, this.backgroundWeight,
					this.blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		public Settings withBackgroundWeight(double backgroundWeight) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, this.iterations, backgroundWeight,
					this.blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		public Settings withBlend(double blend) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, this.iterations, this.backgroundWeight,
					blend, this.words, this.wordPenalty, this.authorShare, this.authorBoost);
		}

		/** The word part: its weight, its regression's penalty, the share of authors in it, the author boost. */
		public Settings withWords(double words, double wordPenalty, double authorShare, double authorBoost) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, this.iterations, this.backgroundWeight,
					this.blend, words, wordPenalty, authorShare, authorBoost);
		}

	}

	/** The standardised parts of a score: embeddings, words, author affinity (before their weights). */
	record Parts(double embeddings, double words, double authors) {
	}

	private final Settings settings;

	private final Kind kind;

	/** The embedding part's own kind: EMPTY when no positive example has a vector. */
	private final Kind embeddingKind;

	private final int dimensions;

	private final UnitRows positives;

	private final String[] positiveIds;

	/** The log of each positive example's share of the positive weight (those with a vector). */
	private final double[] positiveLogShares;

	private final UnitRows negatives;

	private final double[] negativeLogShares;

	private final LogisticRegression.Weights regression;

	/** The word part, or {@code null} without texts to learn from. */
	private final WordModel words;

	/** The mean and standard deviation of each part's score over the contrast papers (with a word part). */
	private final double[] standard;

	private InterestModel(Settings settings, Kind kind, Kind embeddingKind, int dimensions, UnitRows positives,
			String[] positiveIds, double[] positiveLogShares, UnitRows negatives, double[] negativeLogShares,
			LogisticRegression.Weights regression, WordModel words, double[] standard) {
		this.settings = settings;
		this.kind = kind;
		this.embeddingKind = embeddingKind;
		this.dimensions = dimensions;
		this.positives = positives;
		this.positiveIds = positiveIds;
		this.positiveLogShares = positiveLogShares;
		this.negatives = negatives;
		this.negativeLogShares = negativeLogShares;
		this.regression = regression;
		this.words = words;
		this.standard = standard;
	}

	/**
	 * A model of a member's interests from their papers' vectors only.
	 * @param positives the papers the member showed interest in (saved, upvoted, submitted, by a followed
	 * author)
	 * @param negatives the papers the member said they are not interested in
	 * @param background papers the member saw and did not act on (for example a sample of the recent
	 * papers), weak negatives for the regression; may be empty
	 * @param settings how to build it
	 * @throws IllegalArgumentException when a vector is empty of direction (all zeros), holds a NaN or an
	 * infinity, or differs in length from the others
	 */
	public static InterestModel train(List<Example> positives, List<Example> negatives, List<float[]> background,
			Settings settings) {
		List<Example> examples = new ArrayList<>(background.size());
		for (int i = 0; i < background.size(); i++) {
			float[] vector = background.get(i);
			examples.add(new Example("background " + i, Objects.requireNonNull(vector, "background vector"), 1));
		}
		return train(new Examples(positives, negatives, examples), settings);
	}

	/** A model with the {@link Settings#DEFAULTS default settings}, from vectors only. */
	public static InterestModel train(List<Example> positives, List<Example> negatives, List<float[]> background) {
		return train(positives, negatives, background, Settings.DEFAULTS);
	}

	/** A model with the {@link Settings#DEFAULTS default settings}. */
	public static InterestModel train(Examples examples) {
		return train(examples, Settings.DEFAULTS);
	}

	/**
	 * A model of a member's interests from their papers' vectors and, where the examples carry them,
	 * their texts.
	 * @throws IllegalArgumentException when a vector is empty of direction (all zeros), holds a NaN or an
	 * infinity, or differs in length from the others
	 */
	public static InterestModel train(Examples examples, Settings settings) {
		Objects.requireNonNull(settings, "settings");
		List<Example> positives = withVectors(examples.positives());
		List<Example> negatives = withVectors(examples.negatives());
		List<float[]> background = withVectors(examples.background()).stream().map(Example::vector).toList();
		int dimensions = dimensions(positives, negatives, background);
		UnitRows positiveRows = UnitRows.of(positives.stream().map(Example::vector).toList(), dimensions,
				"positive example");
		UnitRows negativeRows = UnitRows.of(negatives.stream().map(Example::vector).toList(), dimensions,
				"negative example");
		// checked here so that a bad background paper fails the same way with few positive examples
		background.forEach((vector) -> UnitRows.norm(vector, dimensions, "a background paper"));
		String[] ids = positives.stream().map(Example::id).toArray(String[]::new);
		// a regression needs something to separate the positives from: without negatives or background
		// papers it would learn only a bias
		boolean separable = !negatives.isEmpty() || !background.isEmpty();
		Kind embeddingKind = positives.isEmpty() ? Kind.EMPTY
				: (positives.size() < settings.linearFrom() || !separable) ? Kind.NEAREST : Kind.LINEAR;
		LogisticRegression.Weights regression = null;
		if (embeddingKind == Kind.LINEAR) {
			regression = regression(positives, negatives, background, dimensions, settings);
		}
		WordModel words = words(examples, settings);
		Kind kind = (words != null) ? Kind.LINEAR : embeddingKind;
		InterestModel model = new InterestModel(settings, kind, embeddingKind, dimensions, positiveRows, ids,
				logShares(positives), negativeRows, logShares(negatives), regression, words, null);
		return (words == null) ? model : model.standardised(examples);
	}

	private static List<Example> withVectors(List<Example> examples) {
		return examples.stream().filter((example) -> example.vector() != null).toList();
	}

	private static List<Example> withTexts(List<Example> examples) {
		return examples.stream().filter((example) -> example.text() != null).toList();
	}

	/** The word part, when it has weight and the examples have texts to learn from and to contrast with. */
	private static WordModel words(Examples examples, Settings settings) {
		if (settings.words() == 0 && settings.authorBoost() == 0) {
			return null;
		}
		List<Example> positives = withTexts(examples.positives());
		List<Example> negatives = withTexts(examples.negatives());
		List<Example> background = withTexts(examples.background());
		if (positives.isEmpty() || positives.size() < settings.linearFrom() || (negatives.isEmpty() && background.isEmpty())) {
			return null;
		}
		List<PaperWords> positiveWords = positives.stream().map((example) -> PaperWords.of(example.text())).toList();
		double[] positiveWeights = positives.stream().mapToDouble(Example::weight).toArray();
		double positiveTotal = 0;
		for (double weight : positiveWeights) {
			positiveTotal += weight;
		}
		List<PaperWords> contrast = new ArrayList<>(negatives.size() + background.size());
		double[] contrastWeights = new double[negatives.size() + background.size()];
		int row = 0;
		for (Example example : negatives) {
			contrast.add(PaperWords.of(example.text()));
			contrastWeights[row++] = example.weight();
		}
		for (Example example : background) {
			contrast.add(PaperWords.of(example.text()));
			// as in the embedding part: the background counts together as much as the positives
			contrastWeights[row++] = settings.backgroundWeight() * positiveTotal / background.size();
		}
		return WordModel.train(positiveWords, positiveWeights, positives.stream().map(Example::id).toArray(String[]::new),
				contrast, contrastWeights, settings.authorShare(), settings.wordPenalty(), settings.iterations());
	}

	/** This model with each part's mean and standard deviation over the contrast papers. */
	private InterestModel standardised(Examples examples) {
		List<Example> contrast = new ArrayList<>(examples.negatives());
		contrast.addAll(examples.background());
		double[] standard = { 0, 1, 0, 1 };
		if (this.embeddingKind != Kind.EMPTY) {
			double[] scores = contrast.stream()
				.filter((example) -> example.vector() != null)
				.mapToDouble((example) -> embedding(example.vector(), UnitRows.norm(example.vector(), this.dimensions, example.id())))
				.toArray();
			meanAndDeviation(scores, standard, 0);
		}
		meanAndDeviation(this.words.contrastScores(), standard, 2);
		return new InterestModel(this.settings, this.kind, this.embeddingKind, this.dimensions, this.positives,
				this.positiveIds, this.positiveLogShares, this.negatives, this.negativeLogShares, this.regression,
				this.words, standard);
	}

	private static void meanAndDeviation(double[] scores, double[] into, int at) {
		if (scores.length < 2) {
			return;
		}
		double mean = 0;
		for (double score : scores) {
			mean += score;
		}
		mean /= scores.length;
		double variance = 0;
		for (double score : scores) {
			variance += (score - mean) * (score - mean);
		}
		double deviation = Math.sqrt(variance / (scores.length - 1));
		into[at] = mean;
		into[at + 1] = (deviation > 1e-12) ? deviation : 1;
	}

	public Kind kind() {
		return this.kind;
	}

	public Settings settings() {
		return this.settings;
	}

	/** Whether the model has a word part, so that it can rank a paper without a vector by its words. */
	public boolean readsWords() {
		return this.words != null;
	}

	/**
	 * The score of one paper by its vector (higher: more interesting).
	 * @throws IllegalArgumentException when its vector is all zeros, holds a NaN or differs in length
	 */
	public double score(float[] vector) {
		return score(new Candidate("the candidate", vector));
	}

	/**
	 * The score of one paper (higher: more interesting).
	 * @throws IllegalArgumentException when its vector is all zeros, holds a NaN or differs in length
	 */
	public double score(Candidate candidate) {
		return score(candidate, (candidate.text() != null && this.words != null) ? PaperWords.of(candidate.text()) : null);
	}

	private double score(Candidate candidate, PaperWords words) {
		if (this.kind == Kind.EMPTY) {
			return 0;
		}
		if (this.words == null) {
			if (candidate.vector() == null) {
				// nothing this model can read: after every paper it can
				return Double.NEGATIVE_INFINITY;
			}
			return embedding(candidate.vector(), UnitRows.norm(candidate.vector(), this.dimensions, "candidate " + candidate.id()));
		}
		Parts parts = parts(candidate, words);
		return parts.embeddings() + this.settings.words() * parts.words() + this.settings.authorBoost() * parts.authors();
	}

	/**
	 * The parts of a paper's score before their weights (the evaluation weighs them on a validation
	 * period): the embedding part's and the word part's scores standardised (0 for a part the paper or
	 * the model lacks) and the author affinity.
	 */
	Parts parts(Candidate candidate) {
		return parts(candidate, (candidate.text() != null && this.words != null) ? PaperWords.of(candidate.text()) : null);
	}

	private Parts parts(Candidate candidate, PaperWords words) {
		double embeddings = 0;
		if (candidate.vector() != null && this.embeddingKind != Kind.EMPTY) {
			double norm = UnitRows.norm(candidate.vector(), this.dimensions, "candidate " + candidate.id());
			double[] standard = (this.standard != null) ? this.standard : new double[] { 0, 1 };
			embeddings = (embedding(candidate.vector(), norm) - standard[0]) / standard[1];
		}
		if (words == null || this.standard == null) {
			return new Parts(embeddings, 0, 0);
		}
		return new Parts(embeddings, (this.words.score(words) - this.standard[2]) / this.standard[3],
				this.words.affinity(words));
	}

	private double embedding(float[] vector, double norm) {
		return switch (this.embeddingKind) {
			case EMPTY -> 0;
			case NEAREST -> nearest(vector, norm);
			case LINEAR -> linear(vector, norm);
		};
	}

	/**
	 * The {@code limit} candidates with the highest scores, highest first (ties in the order given),
	 * each with the positive example that explains it.
	 * @throws IllegalArgumentException when a candidate's vector is all zeros, holds a NaN or differs in
	 * length
	 */
	public List<Recommendation> rank(List<Candidate> candidates, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("The limit must not be negative, not " + limit);
		}
		double[] scores = new double[candidates.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = score(candidates.get(i));
		}
		int[] top = TopScores.indices(scores, limit);
		List<Recommendation> ranked = new ArrayList<>(top.length);
		for (int index : top) {
			Candidate candidate = candidates.get(index);
			ranked.add(explained(candidate, scores[index]));
		}
		return ranked;
	}

	/**
	 * A candidate with its score and the positive example that explains it: one by the same author, else
	 * the one with the highest weighted closeness.
	 */
	private Recommendation explained(Candidate candidate, double score) {
		if (this.kind == Kind.EMPTY) {
			return new Recommendation(candidate.id(), score, null, 0);
		}
		PaperWords words = (candidate.text() != null && this.words != null) ? PaperWords.of(candidate.text()) : null;
		if (words != null) {
			WordModel.AuthorMatch match = this.words.authorMatch(words);
			// one shared author can be chance (a coauthor of many); two or more of the member's papers
			// by the same author are a pattern worth naming
			if (match != null && match.examples() >= AUTHOR_REASON_FROM) {
				return new Recommendation(candidate.id(), score, match.because(), closeness(candidate, match.because()),
						match.name());
			}
		}
		if (candidate.vector() != null && this.positives.count() > 0) {
			double norm = UnitRows.norm(candidate.vector(), this.dimensions, "candidate " + candidate.id());
			int best = 0;
			double bestValue = Double.NEGATIVE_INFINITY;
			double bestCosine = 0;
			for (int row = 0; row < this.positives.count(); row++) {
				double cosine = this.positives.dot(row, candidate.vector()) / norm;
				double value = this.positiveLogShares[row] + cosine / this.settings.temperature();
				if (value > bestValue) {
					bestValue = value;
					best = row;
					bestCosine = cosine;
				}
			}
			return new Recommendation(candidate.id(), score, this.positiveIds[best], bestCosine);
		}
		if (words != null) {
			WordModel.Nearest nearest = this.words.nearest(words, this.settings.temperature());
			return new Recommendation(candidate.id(), score, nearest.id(), nearest.cosine());
		}
		return new Recommendation(candidate.id(), score, null, 0);
	}

	/** The cosine of a candidate's vector with a positive example's (0 when one of them has none). */
	private double closeness(Candidate candidate, String exampleId) {
		if (candidate.vector() == null) {
			return 0;
		}
		for (int row = 0; row < this.positives.count(); row++) {
			if (this.positiveIds[row].equals(exampleId)) {
				double norm = UnitRows.norm(candidate.vector(), this.dimensions, "candidate " + candidate.id());
				return this.positives.dot(row, candidate.vector()) / norm;
			}
		}
		return 0;
	}

	/**
	 * The nearest-examples score: temperature × log of the weighted mean of exp(cosine / temperature) over
	 * the positive examples, minus the same over the negative ones. Near 0 temperature it is the cosine to
	 * the closest positive example minus the cosine to the closest negative one.
	 */
	private double nearest(float[] vector, double norm) {
		double score = softMaximum(this.positives, this.positiveLogShares, vector, norm);
		if (this.negatives.count() > 0) {
			score -= softMaximum(this.negatives, this.negativeLogShares, vector, norm);
		}
		return score;
	}

	private double softMaximum(UnitRows rows, double[] logShares, float[] vector, double norm) {
		double temperature = this.settings.temperature();
		double maximum = Double.NEGATIVE_INFINITY;
		for (int row = 0; row < rows.count(); row++) {
			maximum = Math.max(maximum, logShares[row] + rows.dot(row, vector) / norm / temperature);
		}
		double sum = 0;
		for (int row = 0; row < rows.count(); row++) {
			sum += Math.exp(logShares[row] + rows.dot(row, vector) / norm / temperature - maximum);
		}
		return temperature * (maximum + Math.log(sum));
	}

	private double linear(float[] vector, double norm) {
		float[] direction = this.regression.direction();
		double dot = 0;
		for (int i = 0; i < this.dimensions; i++) {
			dot += direction[i] * vector[i];
		}
		double score = dot / norm + this.regression.bias();
		if (this.settings.blend() > 0) {
			score += this.settings.blend() * nearest(vector, norm) / this.settings.temperature();
		}
		return score;
	}

	private static LogisticRegression.Weights regression(List<Example> positives, List<Example> negatives,
			List<float[]> background, int dimensions, Settings settings) {
		List<float[]> all = new ArrayList<>(positives.size() + negatives.size() + background.size());
		double[] weights = new double[positives.size() + negatives.size() + background.size()];
		boolean[] positive = new boolean[weights.length];
		double positiveTotal = 0;
		int row = 0;
		for (Example example : positives) {
			positiveTotal += example.weight();
			positive[row] = true;
			weights[row++] = example.weight();
		}
		for (Example example : negatives) {
			weights[row++] = example.weight();
		}
		// background papers count together as much as the positive examples (times the setting): a
		// member's hundred signals are not drowned by thousands of papers they merely scrolled past
		for (int i = 0; i < background.size(); i++) {
			weights[row++] = settings.backgroundWeight() * positiveTotal / background.size();
		}
		positives.forEach((example) -> all.add(example.vector()));
		negatives.forEach((example) -> all.add(example.vector()));
		all.addAll(background);
		return LogisticRegression.train(UnitRows.of(all, dimensions, "example"), positive, weights, settings.penalty(),
				settings.iterations());
	}

	private static double[] logShares(List<Example> examples) {
		double total = examples.stream().mapToDouble(Example::weight).sum();
		return examples.stream().mapToDouble((example) -> Math.log(example.weight() / total)).toArray();
	}

	private static int dimensions(List<Example> positives, List<Example> negatives, List<float[]> background) {
		if (!positives.isEmpty()) {
			return positives.get(0).vector().length;
		}
		if (!negatives.isEmpty()) {
			return negatives.get(0).vector().length;
		}
		if (!background.isEmpty()) {
			return background.get(0).length;
		}
		// nothing to learn from: any candidate length will do, as every candidate scores 0
		return -1;
	}

}
