package io.paperboy.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One message to one recipient.
 *
 * @param to the recipient's address
 * @param subject the subject; line breaks and other control characters become spaces, so no text
 * from a paper or a member can add a header
 * @param text the plain-text part (always present)
 * @param html the HTML part, or {@code null} for a text-only message
 * @param headers extra headers ({@code List-Unsubscribe}, ...), values cleaned like the subject; not
 * the ones the mailer writes itself (addresses, subject, date, MIME structure, signature)
 * @param kind whether this is a message someone asked for just now or a bulk message
 * @param parts the text and HTML parts written already from shared pieces, or {@code null}; when
 * given, they are the message's text and HTML, and {@code text} and {@code html} are not kept
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers,
		Kind kind, WrittenParts parts) {

	private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

	private static final Set<String> WRITTEN_BY_THE_MAILER = Set.of("from", "sender", "to", "cc", "bcc", "subject",
			"date", "mime-version", "content-type", "content-transfer-encoding", "dkim-signature", "return-path");

	public MailMessage {
		if (to == null || to.isBlank()) {
			throw new IllegalArgumentException("A message needs a recipient");
		}
		subject = singleLine(subject);
		text = (parts != null) ? null : (text != null) ? text : "";
		html = (parts != null) ? null : html;
		Map<String, String> cleaned = new LinkedHashMap<>();
		if (headers != null) {
			headers.forEach((name, value) -> cleaned.put(headerName(name), singleLine(value)));
		}
		headers = Map.copyOf(cleaned);
	}

	public MailMessage(String to, String subject, String text, String html, Map<String, String> headers, Kind kind) {
		this(to, subject, text, html, headers, kind, null);
	}

	/** A message whose parts are written already: {@link #text()} and {@link #html()} read them. */
	public static MailMessage written(String to, String subject, WrittenParts parts, Map<String, String> headers,
			Kind kind) {
		return new MailMessage(to, subject, null, null, headers, kind, parts);
	}

	/** The plain-text part. */
	@Override
	public String text() {
		return (this.parts != null) ? this.parts.text().toString() : this.text;
	}

	/** The HTML part, or {@code null}. */
	@Override
	public String html() {
		return (this.parts != null) ? ((this.parts.html() != null) ? this.parts.html().toString() : null) : this.html;
	}

	/** The same message with other headers. */
	MailMessage withHeaders(Map<String, String> headers) {
		return new MailMessage(this.to, this.subject, this.text, this.html, headers, this.kind, this.parts);
	}

	/** A transactional message (sign-in link, confirmation): text and, optionally, HTML. */
	public static MailMessage transactional(String to, String subject, String text, String html) {
		return new MailMessage(to, subject, text, html, Map.of(), Kind.TRANSACTIONAL);
	}

	/**
	 * A header name the caller may set: a well-formed field name (RFC 5322: printable ASCII, no
	 * colon), and none that would add a recipient or undo how the message is built.
	 */
	private static String headerName(String name) {
		if (name == null || !FIELD_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a header name: " + name);
		}
		if (WRITTEN_BY_THE_MAILER.contains(name.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("The " + name + " header is written by the mailer, not by a message");
		}
		return name;
	}

	/**
	 * Text on one line, as a header or a digest's summary needs it: line breaks and other control
	 * characters become spaces, and the ends are stripped; {@code null} becomes {@code ""}.
	 */
	public static String singleLine(String value) {
		if (value == null) {
			return "";
		}
		// every control character is in the Basic Multilingual Plane: chars will do
		char[] line = value.toCharArray();
		for (int i = 0; i < line.length; i++) {
			if (Character.isISOControl(line[i])) {
				line[i] = ' ';
			}
		}
		return new String(line).strip();
	}

	/** Transactional messages go ahead of bulk ones and never carry unsubscribe headers. */
	public enum Kind {

		TRANSACTIONAL, BULK

	}

}
