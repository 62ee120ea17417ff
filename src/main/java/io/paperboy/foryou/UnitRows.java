package io.paperboy.foryou;

import java.util.List;

/**
 * Vectors scaled to unit length, one after another in a single array: scoring walks memory in order
 * and allocates nothing per candidate.
 */
final class UnitRows implements TrainingRows {

	private final float[] values;

	private final int dimensions;

	private final int count;

	private UnitRows(float[] values, int dimensions, int count) {
		this.values = values;
		this.dimensions = dimensions;
		this.count = count;
	}

	/** The directions of these vectors; {@code what} names them in the error a bad vector gets. */
	static UnitRows of(List<float[]> vectors, int dimensions, String what) {
		float[] values = new float[vectors.size() * dimensions];
		for (int row = 0; row < vectors.size(); row++) {
			float[] vector = vectors.get(row);
			double norm = norm(vector, dimensions, what + " " + row);
			for (int i = 0; i < dimensions; i++) {
				values[row * dimensions + i] = (float) (vector[i] / norm);
			}
		}
		return new UnitRows(values, dimensions, vectors.size());
	}

	/**
	 * The length of a vector, checked: it must have {@code dimensions} finite values, not all zero (a
	 * zero vector has no direction, a NaN would silently rank everything equal); a negative
	 * {@code dimensions} accepts any length.
	 */
	static double norm(float[] vector, int dimensions, String what) {
		if (dimensions >= 0 && vector.length != dimensions) {
			throw new IllegalArgumentException(
					"The vector of " + what + " has " + vector.length + " values, not " + dimensions);
		}
		double sum = 0;
		for (float value : vector) {
			if (!Float.isFinite(value)) {
				throw new IllegalArgumentException("The vector of " + what + " holds " + value);
			}
			sum += (double) value * value;
		}
		if (sum == 0) {
			throw new IllegalArgumentException("The vector of " + what + " is all zeros: it has no direction");
		}
		return Math.sqrt(sum);
	}

	@Override
	public int count() {
		return this.count;
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

	/** The dot product of row {@code row} with {@code vector}; four sums let the CPU overlap the adds. */
	@Override
	public float dot(int row, float[] vector) {
		int offset = row * this.dimensions;
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < this.dimensions; i += 4) {
			s0 += this.values[offset + i] * vector[i];
			s1 += this.values[offset + i + 1] * vector[i + 1];
			s2 += this.values[offset + i + 2] * vector[i + 2];
			s3 += this.values[offset + i + 3] * vector[i + 3];
		}
		for (; i < this.dimensions; i++) {
			s0 += this.values[offset + i] * vector[i];
		}
		return (s0 + s1) + (s2 + s3);
	}

	/** Adds {@code factor} times row {@code row} to {@code sum}. */
	@Override
	public void addTo(double[] sum, int row, double factor) {
		int offset = row * this.dimensions;
		for (int i = 0; i < this.dimensions; i++) {
			sum[i] += factor * this.values[offset + i];
		}
	}

}
