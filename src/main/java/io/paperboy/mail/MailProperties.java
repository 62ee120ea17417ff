package io.paperboy.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Paperboy's mail looks to its recipients: {@code paperboy.mail.*}. Where it goes is Spring's
 * {@code spring.mail.*}: with {@code spring.mail.host} set, mail goes to that SMTP server; without
 * it, to the development outbox at {@code /admin/mail}.
 *
 * @param from the {@code From} address, with an optional name: {@code Paperboy <papers@example.org>}
 */
@ConfigurationProperties("paperboy.mail")
record MailProperties(String from) {

	MailProperties {
		from = (from == null || from.isBlank()) ? "Paperboy <paperboy@localhost>" : from.strip();
	}

}
