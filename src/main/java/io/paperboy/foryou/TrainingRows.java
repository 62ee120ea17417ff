package io.paperboy.foryou;

/** Rows a {@link LogisticRegression} learns from: each of length at most 1, dense or sparse. */
interface TrainingRows {

	int count();

	int dimensions();

	/** The dot product of row {@code row} with {@code weights}. */
	float dot(int row, float[] weights);

	/** Adds {@code factor} times row {@code row} to {@code sum}. */
	void addTo(double[] sum, int row, double factor);

}
