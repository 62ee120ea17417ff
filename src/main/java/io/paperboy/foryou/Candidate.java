package io.paperboy.foryou;

import java.util.Objects;

/**
 * A paper the model may rank: one of the papers of the window the "For you" feed shows.
 *
 * @param id the paper's id
 * @param vector the paper's embedding, of the same length as the examples', or {@code null} when the
 * paper is not embedded yet (then only its words rank it)
 * @param text the paper's title, abstract and authors, or {@code null} when only its vector ranks it
 */
public record Candidate(String id, float[] vector, PaperText text) {

	public Candidate {
		Objects.requireNonNull(id, "id");
		if (vector == null && text == null) {
			throw new IllegalArgumentException("Candidate " + id + " has neither a vector nor a text");
		}
	}

	/** A candidate known by its vector only. */
	public Candidate(String id, float[] vector) {
		this(id, Objects.requireNonNull(vector, "vector"), null);
	}

}
