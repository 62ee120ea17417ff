package io.paperboy.mail;

import java.time.Instant;
import java.util.Map;

/**
 * A message in the development outbox.
 *
 * @param id its number
 * @param to the recipient
 * @param subject the subject
 * @param text the plain-text part
 * @param html the HTML part, if any
 * @param headers the extra headers
 * @param createdAt when it was "sent"
 */
public record KeptMail(long id, String to, String subject, String text, String html, Map<String, String> headers,
		Instant createdAt) {

}
