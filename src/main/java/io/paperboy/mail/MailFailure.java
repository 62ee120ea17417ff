package io.paperboy.mail;

import java.util.OptionalInt;

/** A message was not accepted for delivery: the relay refused it, or could not be reached. */
public class MailFailure extends RuntimeException {

	private final boolean permanent;

	private final int replyCode;

	MailFailure(String message, boolean permanent, Throwable cause) {
		this(message, permanent, 0, cause);
	}

	MailFailure(String message, boolean permanent, int replyCode, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
		this.replyCode = replyCode;
	}

	/**
	 * Whether trying again cannot help: the relay refused this recipient or this message for good
	 * (a 5xx reply), or the message could not even be written (a malformed address). A refusal that
	 * is about us rather than the recipient (our credentials, our sender address) is not permanent:
	 * it must not count against the recipient, and it passes once the operator fixes it.
	 */
	public boolean permanent() {
		return this.permanent;
	}

	/** The SMTP reply code that refused the message ({@code 550}, {@code 451}, ...), if a server answered. */
	public OptionalInt replyCode() {
		return (this.replyCode > 0) ? OptionalInt.of(this.replyCode) : OptionalInt.empty();
	}

}
