package io.paperboy.foryou;

/**
 * A ranked paper and why: the member's positive example closest to it ("because you saved X").
 *
 * @param id the paper's id
 * @param score the model's score (higher ranks first; comparable only within one model)
 * @param because the id of the positive example that explains the paper most, or {@code null} when the
 * member has no positive example
 * @param closeness the cosine similarity between the paper and that example (0 without one)
 */
public record Recommendation(String id, double score, String because, double closeness) {
}
