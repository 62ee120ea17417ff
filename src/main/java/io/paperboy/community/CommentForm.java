package io.paperboy.community;

import io.paperboy.account.Viewer;

/**
 * The page with one comment form ({@code community/compose.jte}): editing a comment, or a comment
 * or reply sent back because it could not be posted, with the text kept.
 *
 * @param paperId the paper the comment is on
 * @param paperTitle its title
 * @param replyTo the comment being replied to, or {@code null}
 * @param commentId the comment being edited, or {@code null} for a new one
 * @param text the text to show in the form
 * @param problem what was wrong with it, or {@code null}
 * @param viewer who is writing
 * @param maxLength the longest comment allowed, in characters
 */
public record CommentForm(String paperId, String paperTitle, Long replyTo, Long commentId, String text,
		String problem, Viewer viewer, int maxLength) {

	/** Where the form is sent. */
	public String action() {
		return (this.commentId != null) ? "/comments/" + this.commentId + "/edit" : "/comments";
	}

	public String heading() {
		if (this.commentId != null) {
			return "Edit your comment";
		}
		return (this.replyTo != null) ? "Reply" : "Comment";
	}

}
