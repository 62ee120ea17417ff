package io.paperboy.foryou;

import java.util.Objects;

/**
 * A paper a member gave a signal on, as the interest model learns from it: a save, an upvote, a
 * submission or a followed author's paper when it is a positive example, a "not interested" when it is
 * a negative one.
 *
 * @param id the paper's id, named back as the reason of a ranked paper
 * @param vector the paper's embedding (any non-zero length; the model uses its direction)
 * @param weight how much the signal counts (a save more than an upvote, say); positive and finite
 */
public record Example(String id, float[] vector, double weight) {

	public Example {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(vector, "vector");
		if (!(weight > 0) || Double.isInfinite(weight)) {
			throw new IllegalArgumentException("The weight of example " + id + " must be positive and finite, not " + weight);
		}
	}

	/** An example counting once. */
	public static Example of(String id, float[] vector) {
		return new Example(id, vector, 1);
	}

}
