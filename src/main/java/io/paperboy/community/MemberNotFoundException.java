package io.paperboy.community;

import io.paperboy.web.NotFoundException;

/** A user id that is not in this site's accounts. */
public class MemberNotFoundException extends NotFoundException {

	public MemberNotFoundException(long userId) {
		super("No member " + userId + " on this site.");
	}

}
