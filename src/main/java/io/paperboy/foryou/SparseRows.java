package io.paperboy.foryou;

import java.util.List;

/** Sparse rows one after another (indices and values in two flat arrays), for a {@link LogisticRegression}. */
final class SparseRows implements TrainingRows {

	/** One sparse vector: the indices of its non-zero values and the values. */
	record Row(int[] indices, float[] values) {

		static final Row EMPTY = new Row(new int[0], new float[0]);

		float dot(float[] weights) {
			float sum = 0;
			for (int i = 0; i < this.indices.length; i++) {
				sum += this.values[i] * weights[this.indices[i]];
			}
			return sum;
		}

	}

	private final int[] starts;

	private final int[] indices;

	private final float[] values;

	private final int dimensions;

	SparseRows(List<Row> rows, int dimensions) {
		this.dimensions = dimensions;
		this.starts = new int[rows.size() + 1];
		int total = 0;
		for (int row = 0; row < rows.size(); row++) {
			this.starts[row] = total;
			total += rows.get(row).indices().length;
		}
		this.starts[rows.size()] = total;
		this.indices = new int[total];
		this.values = new float[total];
		for (int row = 0; row < rows.size(); row++) {
			Row sparse = rows.get(row);
			System.arraycopy(sparse.indices(), 0, this.indices, this.starts[row], sparse.indices().length);
			System.arraycopy(sparse.values(), 0, this.values, this.starts[row], sparse.values().length);
		}
	}

	@Override
	public int count() {
		return this.starts.length - 1;
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

	@Override
	public float dot(int row, float[] weights) {
		float sum = 0;
		for (int i = this.starts[row]; i < this.starts[row + 1]; i++) {
			sum += this.values[i] * weights[this.indices[i]];
		}
		return sum;
	}

	@Override
	public void addTo(double[] sum, int row, double factor) {
		for (int i = this.starts[row]; i < this.starts[row + 1]; i++) {
			sum[this.indices[i]] += factor * this.values[i];
		}
	}

}
