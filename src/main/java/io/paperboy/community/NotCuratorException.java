package io.paperboy.community;

/** A member who is not a curator asked to do what only curators do: 403. */
class NotCuratorException extends RuntimeException {

	NotCuratorException() {
		super("Only curators feature or hide papers.");
	}

}
