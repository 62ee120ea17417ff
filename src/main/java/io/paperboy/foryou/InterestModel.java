package io.paperboy.foryou;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one member is interested in, learnt from the papers they gave signals on, scoring papers they
 * have not seen (docs/for-you.md describes the model and how it was measured).
 * <p>
 * While a member has fewer than {@link Settings#linearFrom()} positive examples, or when there is
 * nothing to contrast them with (no negative example and no background paper), the score is the
 * nearest-examples score: a soft maximum of the cosine similarities to the positive examples (each
 * counting by its weight), minus the same for the negative ones, so a paper close to one thing the member
 * saved ranks high even when the rest of their signals point elsewhere. From then on a logistic
 * regression over the embeddings separates the positive examples from the negative ones and from
 * background papers (papers of the period the member saw and did not act on), optionally plus a share of
 * the nearest-examples score ({@link Settings#blend()}).
 * <p>
 * Every ranked paper comes with the positive example that explains it most: the one with the highest
 * weighted closeness, as the nearest-examples score counts it. A model is immutable and may be shared
 * between threads; training is deterministic (same examples, same order: same model).
 */
public final class InterestModel {

	/** Which score a model uses. */
	public enum Kind {

		/** No positive example yet: every paper scores the same. */
		EMPTY,

		/** Closeness to the positive examples and away from the negative ones. */
		NEAREST,

		/** A logistic regression, plus {@link Settings#blend()} times the nearest-examples score. */
		LINEAR

	}

	/**
	 * How a model is built.
	 *
	 * @param linearFrom the number of positive examples from which the logistic regression is trained
	 * (below it the nearest-examples score is used); 1 by default, as the regression ranked better than
	 * the nearest examples from the first signal on in the evaluation (docs/for-you.md)
	 * @param temperature the softness of the nearest-examples maximum, in units of cosine similarity:
	 * near 0 only the single closest example counts, large values average over all of them
	 * @param penalty the L2 penalty of the logistic regression (larger: smoother, closer to the centroid)
	 * @param iterations the gradient steps of the logistic regression
	 * @param backgroundWeight the total weight of the background papers relative to the total weight of
	 * the positive examples
	 * @param blend the share of the nearest-examples score (as a log-likelihood ratio) added to the
	 * regression's log-odds; 0 for the regression alone
	 */
	public record Settings(int linearFrom, double temperature, double penalty, int iterations, double backgroundWeight,
			double blend) {

		/** The settings docs/for-you.md measured as best on the real archive. */
		public static final Settings DEFAULTS = new Settings(1, 0.05, 0.001, 200, 1.0, 0.0);

		public Settings {
			if (linearFrom < 1) {
				throw new IllegalArgumentException("linearFrom must be at least 1, not " + linearFrom);
			}
			if (!(temperature > 0) || !(penalty > 0) || !(backgroundWeight > 0) || !(blend >= 0) || iterations < 1) {
				throw new IllegalArgumentException("Invalid interest model settings: " + this);
			}
		}

		public Settings withLinearFrom(int linearFrom) {
			return new Settings(linearFrom, this.temperature, this.penalty, this.iterations, this.backgroundWeight,
					this.blend);
		}

		public Settings withTemperature(double temperature) {
			return new Settings(this.linearFrom, temperature, this.penalty, this.iterations, this.backgroundWeight,
					this.blend);
		}

		public Settings withPenalty(double penalty) {
			return new Settings(this.linearFrom, this.temperature, penalty, this.iterations, this.backgroundWeight,
					this.blend);
		}

		public Settings withIterations(int iterations) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, iterations, this.backgroundWeight,
					this.blend);
		}

		public Settings withBackgroundWeight(double backgroundWeight) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, this.iterations, backgroundWeight,
					this.blend);
		}

		public Settings withBlend(double blend) {
			return new Settings(this.linearFrom, this.temperature, this.penalty, this.iterations, this.backgroundWeight,
					blend);
		}

	}

	private final Settings settings;

	private final Kind kind;

	private final int dimensions;

	private final UnitRows positives;

	private final String[] positiveIds;

	/** The log of each positive example's share of the positive weight. */
	private final double[] positiveLogShares;

	private final UnitRows negatives;

	private final double[] negativeLogShares;

	private final LogisticRegression.Weights regression;

	private InterestModel(Settings settings, Kind kind, int dimensions, UnitRows positives, String[] positiveIds,
			double[] positiveLogShares, UnitRows negatives, double[] negativeLogShares,
			LogisticRegression.Weights regression) {
		this.settings = settings;
		this.kind = kind;
		this.dimensions = dimensions;
		this.positives = positives;
		this.positiveIds = positiveIds;
		this.positiveLogShares = positiveLogShares;
		this.negatives = negatives;
		this.negativeLogShares = negativeLogShares;
		this.regression = regression;
	}

	/**
	 * A model of a member's interests.
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
		Objects.requireNonNull(settings, "settings");
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
		Kind kind = positives.isEmpty() ? Kind.EMPTY
				: (positives.size() < settings.linearFrom() || !separable) ? Kind.NEAREST : Kind.LINEAR;
		LogisticRegression.Weights regression = null;
		if (kind == Kind.LINEAR) {
			regression = regression(positives, negatives, background, dimensions, settings);
		}
		return new InterestModel(settings, kind, dimensions, positiveRows, ids, logShares(positives), negativeRows,
				logShares(negatives), regression);
	}

	/** A model with the {@link Settings#DEFAULTS default settings}. */
	public static InterestModel train(List<Example> positives, List<Example> negatives, List<float[]> background) {
		return train(positives, negatives, background, Settings.DEFAULTS);
	}

	public Kind kind() {
		return this.kind;
	}

	public Settings settings() {
		return this.settings;
	}

	/**
	 * The score of one paper (higher: more interesting).
	 * @throws IllegalArgumentException when its vector is all zeros, holds a NaN or differs in length
	 */
	public double score(float[] vector) {
		double norm = UnitRows.norm(vector, this.dimensions, "the candidate");
		return switch (this.kind) {
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
			Candidate candidate = candidates.get(i);
			double norm = UnitRows.norm(candidate.vector(), this.dimensions, "candidate " + candidate.id());
			scores[i] = switch (this.kind) {
				case EMPTY -> 0;
				case NEAREST -> nearest(candidate.vector(), norm);
				case LINEAR -> linear(candidate.vector(), norm);
			};
		}
		int[] top = TopScores.indices(scores, limit);
		List<Recommendation> ranked = new ArrayList<>(top.length);
		for (int index : top) {
			Candidate candidate = candidates.get(index);
			ranked.add(explained(candidate, scores[index]));
		}
		return ranked;
	}

	/** A candidate with its score and the positive example with the highest weighted closeness to it. */
	private Recommendation explained(Candidate candidate, double score) {
		if (this.positives.count() == 0) {
			return new Recommendation(candidate.id(), score, null, 0);
		}
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
