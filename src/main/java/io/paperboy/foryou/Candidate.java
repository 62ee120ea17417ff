package io.paperboy.foryou;

import java.util.Objects;

/**
 * A paper the model may rank: one of the papers of the window the "For you" feed shows.
 *
 * @param id the paper's id
 * @param vector the paper's embedding, of the same length as the examples'
 */
public record Candidate(String id, float[] vector) {

	public Candidate {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(vector, "vector");
	}

}
