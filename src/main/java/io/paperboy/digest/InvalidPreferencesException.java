package io.paperboy.digest;

/** Preferences that cannot be kept, with what is wrong in words a subscriber understands. */
class InvalidPreferencesException extends RuntimeException {

	InvalidPreferencesException(String message) {
		super(message);
	}

}
