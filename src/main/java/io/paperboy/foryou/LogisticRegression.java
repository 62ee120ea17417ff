package io.paperboy.foryou;

/**
 * A logistic regression with an L2 penalty, trained by full-batch gradient descent with Nesterov's
 * momentum from zero: no random order, so the same examples always give the same weights.
 * <p>
 * The rows are at most of unit length and the bias counts as one more feature of value 1, so the loss's
 * curvature is at most 0.25 × 2 plus the penalty: the step below is safe for any data, and a few
 * hundred steps come close to the optimum (the penalty keeps the problem well conditioned).
 */
final class LogisticRegression {

	/** The weights of the directions and the bias. */
	record Weights(float[] direction, float bias) {
	}

	private LogisticRegression() {
	}

	/**
	 * Weights for rows {@code rows} with labels (true: positive) and sample weights; the loss is the
	 * weighted mean, so {@code penalty} means the same whatever the number of rows.
	 */
	static Weights train(TrainingRows rows, boolean[] positive, double[] sampleWeights, double penalty, int iterations) {
		int dimensions = rows.dimensions();
		double total = 0;
		for (double weight : sampleWeights) {
			total += weight;
		}
		double step = 1 / (0.5 + penalty);
		double[] weights = new double[dimensions];
		double[] previous = new double[dimensions];
		double[] ahead = new double[dimensions];
		double[] gradient = new double[dimensions];
		float[] aheadFloats = new float[dimensions];
		double bias = 0;
		double previousBias = 0;
		for (int t = 1; t <= iterations; t++) {
			double momentum = (t - 1) / (t + 2.0);
			for (int i = 0; i < dimensions; i++) {
				ahead[i] = weights[i] + momentum * (weights[i] - previous[i]);
				aheadFloats[i] = (float) ahead[i];
				gradient[i] = 0;
			}
			double aheadBias = bias + momentum * (bias - previousBias);
			double biasGradient = 0;
			for (int row = 0; row < rows.count(); row++) {
				double margin = rows.dot(row, aheadFloats) + aheadBias;
				double error = (sigmoid(margin) - (positive[row] ? 1 : 0)) * sampleWeights[row] / total;
				rows.addTo(gradient, row, error);
				biasGradient += error;
			}
			System.arraycopy(weights, 0, previous, 0, dimensions);
			previousBias = bias;
			for (int i = 0; i < dimensions; i++) {
				weights[i] = ahead[i] - step * (gradient[i] + penalty * ahead[i]);
			}
			bias = aheadBias - step * biasGradient;
		}
		float[] direction = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			direction[i] = (float) weights[i];
		}
		return new Weights(direction, (float) bias);
	}

	static double sigmoid(double margin) {
		return (margin >= 0) ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
	}

}
