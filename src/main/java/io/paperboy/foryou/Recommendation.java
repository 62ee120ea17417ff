package io.paperboy.foryou;

/**
 * A ranked paper and why: the member's positive example closest to it ("because you saved X"), or an
 * author it shares with the member's positive examples ("by Y, like X you saved").
 *
 * @param id the paper's id
 * @param score the model's score (higher ranks first; comparable only within one model)
 * @param because the id of the positive example that explains the paper most, or {@code null} when the
 * member has no positive example
 * @param closeness the cosine similarity between the paper and that example: of their embeddings, or of
 * their words when the paper has no vector (0 without an example, and for an author match without vectors)
 * @param author the name of an author of the paper who also wrote {@code because}, when that is the
 * reason; {@code null} otherwise
 */
public record Recommendation(String id, double score, String because, double closeness, String author) {

	/** A paper explained by its closest positive example. */
	public Recommendation(String id, double score, String because, double closeness) {
		this(id, score, because, closeness, null);
	}

}
