package io.paperboy.mail;

import java.time.Clock;
import java.util.List;

/**
 * Keeps messages instead of sending them, for an install with no SMTP server: each is stored and
 * listed, rendered, at {@code /admin/mail}, where the operator can read a sign-in link.
 */
class DevOutbox implements MailDelivery {

	private final DevMailRepository messages;

	private final Clock clock;

	DevOutbox(DevMailRepository messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<MailOutcome> deliver(List<MailMessage> messages) {
		return messages.stream().map((message) -> {
			this.messages.insert(message, this.clock.instant());
			return new MailOutcome(message, OutgoingHeaders.messageId(message), null);
		}).toList();
	}

}
