package io.paperboy.mail;

/** What was typed cannot be used as a mail address; the message says why, in words a person can act on. */
public class InvalidMailAddressException extends IllegalArgumentException {

	InvalidMailAddressException(String message) {
		super(message);
	}

}
