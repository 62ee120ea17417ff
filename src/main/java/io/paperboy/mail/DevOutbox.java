package io.paperboy.mail;

import java.time.Clock;

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
	public void deliver(MailMessage message) {
		this.messages.insert(message, this.clock.instant());
	}

}
