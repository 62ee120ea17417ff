package io.paperboy.mail;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The headers every message leaves with, whichever feature wrote it: a {@code Message-ID} on our
 * own domain (receivers and their spam filters look at it; a message ID on {@code localhost} or on
 * the relay's domain looks forged); for bulk mail {@code Precedence: bulk}, which keeps
 * auto-replies away, and a {@code List-Id}, which lets readers filter digests; and for transactional
 * mail no {@code List-Unsubscribe}, which would let a mail program offer to unsubscribe someone from
 * their own sign-in link. Headers the message names itself are kept.
 */
class OutgoingHeaders {

	static final String MESSAGE_ID = "Message-ID";

	private final String messageIdDomain;

	private final String listId;

	OutgoingHeaders(String messageIdDomain, String listId) {
		this.messageIdDomain = messageIdDomain;
		this.listId = (listId != null) ? listId : "Paperboy <paperboy." + messageIdDomain + ">";
	}

	MailMessage complete(MailMessage message) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(message.headers());
		headers.putIfAbsent(MESSAGE_ID, newMessageId());
		if (message.kind() == MailMessage.Kind.BULK) {
			headers.putIfAbsent("Precedence", "bulk");
			headers.putIfAbsent("List-Id", this.listId);
		}
		else {
			headers.remove("List-Unsubscribe");
			headers.remove("List-Unsubscribe-Post");
		}
		return message.withHeaders(headers);
	}

	/** A new {@code Message-ID} on our domain, angle brackets included. */
	String newMessageId() {
		return "<" + UUID.randomUUID() + "@" + this.messageIdDomain + ">";
	}

	/** The Message-ID of a completed message. */
	static String messageId(MailMessage message) {
		return message.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(MESSAGE_ID))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The message to " + message.to() + " has no Message-ID"));
	}

}
