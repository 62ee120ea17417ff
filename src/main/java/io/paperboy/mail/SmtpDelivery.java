package io.paperboy.mail;

import java.time.Clock;
import java.util.List;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivery to the SMTP server Spring Boot is configured with ({@code spring.mail.*}, made into a
 * {@link JavaMailSenderImpl}). Three parts, each with one job: {@link MimeWriter} writes each
 * message, {@link SmtpConnection} sends a batch over one connection kept open from one batch to the
 * next, and {@link SmtpFailures} classifies each message's refusal on its own.
 */
class SmtpDelivery implements MailDelivery {

	private final JavaMailSenderImpl relay;

	private final MimeWriter writer;

	/**
	 * @param relay where the messages go: its host, port, protocol, credentials and session
	 * @param dkim the signing key, or {@code null} to send unsigned
	 */
	SmtpDelivery(JavaMailSenderImpl relay, MailProperties properties, DkimKey dkim, Clock clock) {
		StreamProviderProperty.setUnlessSet();
		this.relay = relay;
		this.writer = new MimeWriter(relay.getSession(), properties, dkim, clock);
	}

	@Override
	public List<MailOutcome> deliver(List<MailMessage> messages) {
		try (MailConnection connection = open()) {
			return connection.sendAll(messages);
		}
	}

	@Override
	public SmtpConnection open() {
		return new SmtpConnection(this.relay, this.writer);
	}

}
