package io.paperboy.digest;

import java.time.Instant;
import java.util.Map;

import io.paperboy.mail.MailMessage;

/**
 * A composed digest in the outbox, as a sender claimed it.
 *
 * @param id its key
 * @param subscriptionId whose digest it is
 * @param period the period it belongs to
 * @param messageId the {@code Message-ID} every attempt sends it under
 * @param composition what the digest is made of ({@link Composition#text()}), to write the message
 * from; {@code null} for a row queued with its whole message
 * @param message the message as it was queued whole, or {@code null} for a composition
 * @param attempts how many times a sender has claimed it, this claim included
 * @param firstAttemptAt when a sender first claimed it
 * @param withdrawn whether its address was suppressed or unsubscribed after it was composed
 */
record OutboxMessage(long id, long subscriptionId, String period, String messageId, String composition,
		MailMessage message, int attempts, Instant firstAttemptAt, boolean withdrawn) {

	static String headerLines(Map<String, String> headers) {
		StringBuilder lines = new StringBuilder();
		headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
		return lines.toString();
	}

	static Map<String, String> headers(String lines) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		for (String line : lines.split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				headers.put(line.substring(0, colon), line.substring(colon + 2));
			}
		}
		return headers;
	}

}
