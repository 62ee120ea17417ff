package io.paperboy.account;

/** A username or display name that cannot be used; the message says why, for the form. */
public class InvalidProfileException extends RuntimeException {

	InvalidProfileException(String message) {
		super(message);
	}

}
