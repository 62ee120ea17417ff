package io.paperboy.mail;

/** Where {@link Mailer} hands messages: an SMTP server, or the development outbox. */
interface MailDelivery {

	/**
	 * Delivers one message, or throws.
	 * @throws MailFailure when the message was not accepted
	 */
	void deliver(MailMessage message);

}
