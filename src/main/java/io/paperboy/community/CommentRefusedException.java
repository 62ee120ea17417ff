package io.paperboy.community;

import io.paperboy.web.ForbiddenException;

/**
 * Something a member may not do to a comment: edit someone else's, edit after the edit window,
 * hide one without being a curator. The comment controllers answer it with 403 and this message.
 */
public class CommentRefusedException extends ForbiddenException {

	CommentRefusedException(String message) {
		super("Not allowed", message);
	}

}
