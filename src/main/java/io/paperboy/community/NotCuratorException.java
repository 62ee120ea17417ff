package io.paperboy.community;

import io.paperboy.web.ForbiddenException;

/** A member who is not a curator asked to do what only curators do: 403. */
class NotCuratorException extends ForbiddenException {

	NotCuratorException() {
		super("Curators only", "Only curators feature or hide papers.");
	}

}
