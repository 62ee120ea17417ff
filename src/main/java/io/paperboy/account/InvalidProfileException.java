package io.paperboy.account;

/**
 * A username or display name that cannot be used; the message says why, for the form, and
 * {@link #field()} which of the two fields it is about.
 */
public class InvalidProfileException extends RuntimeException {

	/** The form field of the username. */
	public static final String USERNAME = "username";

	/** The form field of the display name. */
	public static final String DISPLAY_NAME = "displayName";

	private final String field;

	InvalidProfileException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** {@link #USERNAME} or {@link #DISPLAY_NAME}. */
	public String field() {
		return this.field;
	}

}
