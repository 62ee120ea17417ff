package io.paperboy.community;

import java.time.Instant;

import io.paperboy.account.User;

/**
 * A member's comment on a paper, as stored.
 *
 * @param id the comment's id
 * @param paperId the paper it is about
 * @param parentId the top-level comment it replies to, or {@code null} for a top-level comment
 * @param author who wrote it
 * @param markdown what they wrote (CommonMark); empty once deleted
 * @param createdAt when it was posted
 * @param editedAt when its author last changed it, if ever
 * @param deletedAt when its author deleted it, if they did
 * @param hiddenAt when a curator hid it, if one did and has not shown it again
 */
public record Comment(long id, String paperId, Long parentId, User author, String markdown, Instant createdAt,
		Instant editedAt, Instant deletedAt, Instant hiddenAt) {

	public boolean isReply() {
		return this.parentId != null;
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public boolean isHidden() {
		return this.hiddenAt != null;
	}

	/** The comment as sanitised HTML, safe to put in a page as it is. */
	public String html() {
		return CommentMarkdown.html(this.markdown);
	}

}
