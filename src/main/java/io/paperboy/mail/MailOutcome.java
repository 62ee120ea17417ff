package io.paperboy.mail;

/**
 * What became of one message of a batch: accepted by the relay (or kept in the development outbox),
 * or refused with the reason.
 *
 * @param message the message as it was sent, with the headers Paperboy added
 * @param messageId its {@code Message-ID}, angle brackets included
 * @param failure why it was not accepted, or {@code null} when it was
 */
public record MailOutcome(MailMessage message, String messageId, MailFailure failure) {

	/** Whether the relay took responsibility for the message. */
	public boolean accepted() {
		return this.failure == null;
	}

}
