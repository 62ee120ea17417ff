package io.paperboy.community;

import java.time.Instant;

/**
 * A comment as a member's profile lists it: with the paper it is about.
 *
 * @param id the comment's id (its anchor on the paper page is {@code #comment-{id}})
 * @param paperId the paper's arXiv id
 * @param paperTitle the paper's title, as the catalog shows it
 * @param createdAt when it was posted
 * @param editedAt when it was last edited, if ever
 * @param markdown what the member wrote
 * @param html the same, rendered and sanitised: safe to put in a page as it is
 */
public record UserComment(long id, String paperId, String paperTitle, Instant createdAt, Instant editedAt,
		String markdown, String html) {

	/** Where the comment is shown on its paper's page. */
	public String link() {
		return "/papers/" + this.paperId + "#comment-" + this.id;
	}

}
