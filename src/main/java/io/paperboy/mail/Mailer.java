package io.paperboy.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends mail. Every feature that mails someone goes through here: one place decides whether mail
 * leaves by SMTP or stays in the development outbox, and how a message is put together.
 */
@Service
public class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final MailDelivery delivery;

	Mailer(MailDelivery delivery) {
		this.delivery = delivery;
	}

	/**
	 * Sends one message now.
	 * @throws MailFailure when it was not accepted; nothing has been sent then
	 */
	public void send(MailMessage message) {
		this.delivery.deliver(message);
		logger.debug("Mail to {} accepted: {}", message.to(), message.subject());
	}

	/** Whether messages go to the development outbox rather than to an SMTP server. */
	public boolean keepsMailInOutbox() {
		return this.delivery instanceof DevOutbox;
	}

}
