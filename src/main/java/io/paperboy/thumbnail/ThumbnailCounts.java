package io.paperboy.thumbnail;

import java.time.Instant;

/**
 * Where the thumbnails stand, for operators ({@code /admin/thumbnails}; public for its template).
 *
 * @param made papers with an image
 * @param untried papers the job will try (on a daily list, or published lately) but has not yet
 * @param waiting papers whose last attempt failed for a reason that may pass, to be tried again
 * @param failed papers given up
 */
public record ThumbnailCounts(long made, long untried, long waiting, long failed) {

	/**
	 * A paper without a thumbnail, and why.
	 *
	 * @param paperId the paper
	 * @param state {@code waiting} or {@code failed}
	 * @param attempts how many times it was tried
	 * @param reason why the last attempt failed
	 * @param at when
	 */
	public record Failure(String paperId, String state, int attempts, String reason, Instant at) {
	}

}
