package io.paperboy.foryou;

import java.util.Objects;

/**
 * A paper a member gave a signal on, as the interest model learns from it: a save, an upvote, a
 * submission or a followed author's paper when it is a positive example, a "not interested" when it is
 * a negative one; or a background paper, which the member saw and did not act on.
 *
 * @param id the paper's id, named back as the reason of a ranked paper
 * @param vector the paper's embedding (any non-zero length; the model uses its direction), or
 * {@code null} when the paper is not embedded yet (its words still count)
 * @param weight how much the signal counts (a save more than an upvote, say); positive and finite
 * @param text the paper's title, abstract and authors, or {@code null} when only its vector counts
 */
public record Example(String id, float[] vector, double weight, PaperText text) {

	public Example {
		Objects.requireNonNull(id, "id");
		if (vector == null && text == null) {
			throw new IllegalArgumentException("Example " + id + " has neither a vector nor a text");
		}
		if (!(weight > 0) || Double.isInfinite(weight)) {
			throw new IllegalArgumentException("The weight of example " + id + " must be positive and finite, not " + weight);
		}
	}

	/** An example known by its vector only. */
	public Example(String id, float[] vector, double weight) {
		this(id, Objects.requireNonNull(vector, "vector"), weight, null);
	}

	/** An example counting once, known by its vector only. */
	public static Example of(String id, float[] vector) {
		return new Example(id, vector, 1);
	}

}
