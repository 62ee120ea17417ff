package io.paperboy.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message to one recipient.
 *
 * @param to the recipient's address
 * @param subject the subject; line breaks and other control characters become spaces, so no text
 * from a paper or a member can add a header
 * @param text the plain-text part (always present)
 * @param html the HTML part, or {@code null} for a text-only message
 * @param headers extra headers ({@code List-Unsubscribe}, ...), values cleaned like the subject
 * @param kind whether this is a message someone asked for just now or a bulk message
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers,
		Kind kind) {

	public MailMessage {
		if (to == null || to.isBlank()) {
			throw new IllegalArgumentException("A message needs a recipient");
		}
		subject = singleLine(subject);
		text = (text != null) ? text : "";
		Map<String, String> cleaned = new LinkedHashMap<>();
		if (headers != null) {
			headers.forEach((name, value) -> cleaned.put(singleLine(name), singleLine(value)));
		}
		headers = Map.copyOf(cleaned);
	}

	/** A transactional message (sign-in link, confirmation): text and, optionally, HTML. */
	public static MailMessage transactional(String to, String subject, String text, String html) {
		return new MailMessage(to, subject, text, html, Map.of(), Kind.TRANSACTIONAL);
	}

	static String singleLine(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder line = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return line.toString().strip();
	}

	/** Transactional messages go ahead of bulk ones and never carry unsubscribe headers. */
	public enum Kind {

		TRANSACTIONAL, BULK

	}

}
