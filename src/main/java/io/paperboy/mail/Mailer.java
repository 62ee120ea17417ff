package io.paperboy.mail;

import java.util.List;

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

	private final OutgoingHeaders headers;

	Mailer(MailDelivery delivery, OutgoingHeaders headers) {
		this.delivery = delivery;
		this.headers = headers;
	}

	/**
	 * Sends one message now.
	 * @return its {@code Message-ID}
	 * @throws MailFailure when it was not accepted; nothing has been sent then
	 */
	public String send(MailMessage message) {
		MailOutcome outcome = sendAll(List.of(message)).get(0);
		if (!outcome.accepted()) {
			throw outcome.failure();
		}
		return outcome.messageId();
	}

	/**
	 * Sends messages one after the other over one connection to the relay, which saves a TCP and
	 * TLS handshake and a login per message. A refused message does not stop the others.
	 * @return one outcome per message, in order: accepted, or the {@link MailFailure} that says
	 * whether trying again later can help
	 */
	public List<MailOutcome> sendAll(List<MailMessage> messages) {
		return logged(this.delivery.deliver(complete(messages)));
	}

	/**
	 * A connection for sending batch after batch, kept open between them (for the digest senders,
	 * each of which sends many batches): see {@link MailConnection}.
	 */
	public MailConnection connection() {
		MailConnection open = this.delivery.open();
		return new MailConnection() {

			@Override
			public List<MailOutcome> sendAll(List<MailMessage> messages) {
				return logged(open.sendAll(complete(messages)));
			}

			@Override
			public void close() {
				open.close();
			}

		};
	}

	private List<MailMessage> complete(List<MailMessage> messages) {
		return messages.stream().map(this.headers::complete).toList();
	}

	private static List<MailOutcome> logged(List<MailOutcome> outcomes) {
		for (MailOutcome outcome : outcomes) {
			if (outcome.accepted()) {
				logger.debug("Mail to {} accepted: {} {}", outcome.message().to(), outcome.messageId(),
						outcome.message().subject());
			}
			else {
				logger.debug("Mail to {} refused: {}", outcome.message().to(), outcome.failure().getMessage());
			}
		}
		return outcomes;
	}

	/**
	 * A new {@code Message-ID} on our domain, for a message that must keep the same one when it is
	 * sent again (a digest retried from the outbox): receivers can tell it is the same message.
	 */
	public String newMessageId() {
		return this.headers.newMessageId();
	}

	/** Whether messages go to the development outbox rather than to an SMTP server. */
	public boolean keepsMailInOutbox() {
		return this.delivery instanceof DevOutbox;
	}

}
