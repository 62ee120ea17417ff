package io.paperboy.community;

import io.paperboy.web.NotFoundException;

/** A comment that does not exist, or that the visitor may not see (deleted, hidden): 404. */
public class CommentNotFoundException extends NotFoundException {

	CommentNotFoundException(long id) {
		super("No comment " + id + " here.");
	}

}
