package io.paperboy.foryou;

/** A vector stored as its non-zero entries, indices ascending. */
record SparseVector(int[] indices, float[] values) {

	double dot(double[] dense) {
		double sum = 0;
		for (int i = 0; i < this.indices.length; i++) {
			sum += this.values[i] * dense[this.indices[i]];
		}
		return sum;
	}

	double squaredNorm() {
		double sum = 0;
		for (float value : this.values) {
			sum += (double) value * value;
		}
		return sum;
	}

	/** Adds {@code factor} times this vector to {@code dense}. */
	void addTo(double[] dense, double factor) {
		for (int i = 0; i < this.indices.length; i++) {
			dense[this.indices[i]] += factor * this.values[i];
		}
	}

}
