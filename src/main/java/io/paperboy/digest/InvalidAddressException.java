package io.paperboy.digest;

/** What was typed into the subscribe form cannot be a mail address. */
class InvalidAddressException extends RuntimeException {

	InvalidAddressException(String message) {
		super(message);
	}

}
