package io.paperboy.community;

import io.paperboy.web.BadRequestException;

/** A comment's text that cannot be posted (empty, too long): 400, with the text kept in the form. */
public class InvalidCommentException extends BadRequestException {

	InvalidCommentException(String message) {
		super(message);
	}

}
