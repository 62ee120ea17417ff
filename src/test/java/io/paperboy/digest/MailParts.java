package io.paperboy.digest;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The parts of a message received over SMTP, and the links in them. */
record MailParts(MimeMessage message, String text, String html) {

	static MailParts of(MimeMessage message) {
		try {
			StringBuilder text = new StringBuilder();
			StringBuilder html = new StringBuilder();
			collect(message, text, html);
			return new MailParts(message, text.toString(), html.isEmpty() ? null : html.toString());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			text.append((String) part.getContent());
		}
		else if (part.isMimeType("text/html")) {
			html.append((String) part.getContent());
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, text, html);
			}
		}
	}

	String subject() {
		try {
			return this.message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String header(String name) {
		try {
			String[] values = this.message.getHeader(name);
			return (values != null) ? values[0] : null;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The path of the first link in the text part to {@code /digest/PURPOSE/...}. */
	String linkPath(String purpose) {
		Matcher link = Pattern.compile("https?://[^/\\s]+(/digest/" + purpose + "/[A-Za-z0-9._-]+)").matcher(this.text);
		if (!link.find()) {
			throw new AssertionError("No " + purpose + " link in:\n" + this.text);
		}
		return link.group(1);
	}

}
