package io.paperboy.foryou;

import java.util.List;
import java.util.Random;

/**
 * arxiv-sanity-lite's classifier, rebuilt: scikit-learn's {@code LinearSVC(class_weight='balanced',
 * C=0.01)}, which is liblinear's L2-regularised squared-hinge SVM solved in the dual by coordinate
 * descent (Hsieh et al., 2008), with the bias as one more feature of value 1 (regularised, as liblinear
 * does). Each class's C is scaled by n / (2 × its size), as 'balanced' does. Coordinates are visited in a
 * random order drawn from the seed, so a run is repeatable; liblinear's shrinking is left out (it only
 * saves time).
 */
final class LinearSvm {

	private LinearSvm() {
	}

	/**
	 * The weights (the last one is the bias) separating the positive rows from the others, until the
	 * projected gradient's spread is at most {@code tolerance} or after {@code maxEpochs} passes.
	 */
	static double[] train(List<SparseVector> rows, boolean[] positive, int features, double c, double tolerance,
			int maxEpochs, long seed) {
		int n = rows.size();
		int positives = 0;
		for (boolean label : positive) {
			positives += label ? 1 : 0;
		}
		if (positives == 0 || positives == n) {
			throw new IllegalArgumentException("Both classes need examples: " + positives + " positive of " + n);
		}
		double positiveC = c * n / (2.0 * positives);
		double negativeC = c * n / (2.0 * (n - positives));
		double[] weights = new double[features + 1];
		double[] alpha = new double[n];
		double[] diagonal = new double[n];
		double[] curvature = new double[n];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			diagonal[i] = 1 / (2 * (positive[i] ? positiveC : negativeC));
			curvature[i] = rows.get(i).squaredNorm() + 1 + diagonal[i];
			order[i] = i;
		}
		Random random = new Random(seed);
		for (int epoch = 0; epoch < maxEpochs; epoch++) {
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int kept = order[i];
				order[i] = order[j];
				order[j] = kept;
			}
			double highest = Double.NEGATIVE_INFINITY;
			double lowest = Double.POSITIVE_INFINITY;
			for (int i : order) {
				double y = positive[i] ? 1 : -1;
				SparseVector row = rows.get(i);
				double gradient = y * (row.dot(weights) + weights[features]) - 1 + diagonal[i] * alpha[i];
				double projected = (alpha[i] == 0) ? Math.min(gradient, 0) : gradient;
				highest = Math.max(highest, projected);
				lowest = Math.min(lowest, projected);
				if (Math.abs(projected) > 1e-12) {
					double old = alpha[i];
					alpha[i] = Math.max(old - gradient / curvature[i], 0);
					double change = (alpha[i] - old) * y;
					row.addTo(weights, change);
					weights[features] += change;
				}
			}
			if (highest - lowest <= tolerance) {
				break;
			}
		}
		return weights;
	}

	/** The margin of a row: the score arxiv-sanity-lite ranks by. */
	static double margin(double[] weights, SparseVector row) {
		return row.dot(weights) + weights[weights.length - 1];
	}

}
