package io.paperboy.community;

import java.time.Instant;

/**
 * A comment in {@code GET /api/papers/{id}/comments}: the list is flat, each reply carrying its
 * top-level comment's id in {@code parentId}.
 *
 * @param id the comment's id
 * @param parentId the top-level comment replied to, or {@code null}
 * @param author who wrote it
 * @param createdAt when it was posted
 * @param editedAt when it was last edited, or {@code null}
 * @param markdown the text as written (CommonMark)
 * @param html the text rendered and sanitised
 */
record ApiComment(long id, Long parentId, Author author, Instant createdAt, Instant editedAt, String markdown,
		String html) {

	static ApiComment of(Comment comment) {
		return new ApiComment(comment.id(), comment.parentId(),
				new Author(comment.author().username(), comment.author().displayName()), comment.createdAt(),
				comment.editedAt(), comment.markdown(), comment.html());
	}

	/**
	 * @param username their handle (their page is {@code /u/{username}})
	 * @param displayName the name they show
	 */
	record Author(String username, String displayName) {
	}

	/**
	 * What {@code POST} and {@code PATCH} take.
	 *
	 * @param markdown the text (CommonMark), 1 to 10,000 characters
	 * @param parentId for a reply (POST only): the comment replied to
	 */
	record Draft(String markdown, Long parentId) {
	}

}
