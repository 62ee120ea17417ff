package io.paperboy.mail;

/** A message was not accepted for delivery: the relay refused it, or could not be reached. */
public class MailFailure extends RuntimeException {

	private final boolean permanent;

	MailFailure(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	/** Whether trying again cannot help (the relay refused the recipient or the message for good). */
	public boolean permanent() {
		return this.permanent;
	}

}
