package io.paperboy.mail;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Paperboy's mail looks to its recipients and how digests are retried: all of {@code paperboy.mail.*},
 * bound here alone (digests read their part through {@code digest.BulkMailProperties}). Where it goes is Spring's
 * {@code spring.mail.*}: with {@code spring.mail.host} set, mail goes to that SMTP server; without
 * it, to the development outbox at {@code /admin/mail}.
 *
 * @param from the {@code From} address, with an optional name: {@code Paperboy <papers@example.org>}
 * @param bounceAddress where the receiving servers send bounces (the SMTP envelope sender, which
 * they record as {@code Return-Path}); when blank, the address of {@code from}
 * @param messageIdDomain the domain after the {@code @} of every {@code Message-ID}; when blank,
 * the host of {@code paperboy.base-url}
 * @param listId the {@code List-Id} of bulk messages that do not name their own, such as
 * {@code Paperboy digests <digests.papers.example.org>}; when blank, made from the Message-ID domain
 * @param dkim the key that signs every message, when all of it is set
 * @param retryFor how long a digest refused for now (a 4xx reply, a relay out of reach) is tried
 * again after its first attempt before it is given up (default 24 hours); between tries the wait
 * starts at a minute and doubles up to an hour
 * @param suppressAfterBounces after how many hard bounces (a 5xx refusal of the recipient) an
 * address gets no more digests (default 3)
 * @param unsubscribeMailbox an address whose mail someone reads and acts on, named as the
 * {@code mailto:} of {@code List-Unsubscribe} beside the one-click link; unset by default, since
 * Paperboy reads no mail and a mailto nobody acts on is a promise broken
 */
@ConfigurationProperties("paperboy.mail")
public record MailProperties(String from, String bounceAddress, String messageIdDomain, String listId, Dkim dkim,
		Duration retryFor, @DefaultValue("3") int suppressAfterBounces, String unsubscribeMailbox) {

	@ConstructorBinding
	public MailProperties {
		from = (from == null || from.isBlank()) ? "Paperboy <paperboy@localhost>" : from.strip();
		bounceAddress = blankToNull(bounceAddress);
		messageIdDomain = blankToNull(messageIdDomain);
		listId = blankToNull(listId);
		dkim = (dkim != null) ? dkim : new Dkim(null, null, null, null);
		retryFor = (retryFor != null && !retryFor.isNegative() && !retryFor.isZero()) ? retryFor : Duration.ofHours(24);
		suppressAfterBounces = (suppressAfterBounces > 0) ? suppressAfterBounces : 3;
		unsubscribeMailbox = blankToNull(unsubscribeMailbox);
	}

	/** Where mail comes from and how it is signed, with the bulk-mail settings left at their defaults. */
	MailProperties(String from, String bounceAddress, String messageIdDomain, String listId, Dkim dkim) {
		this(from, bounceAddress, messageIdDomain, listId, dkim, null, 0, null);
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * DKIM signing, {@code paperboy.mail.dkim.*}: on when the domain, the selector and a private key
	 * are set. Publish the public half as a TXT record at {@code selector._domainkey.domain}
	 * ({@code mail dkim-record} prints it).
	 *
	 * @param domain the signing domain ({@code d=}), normally the domain of {@code From}
	 * @param selector the selector ({@code s=}) naming the key in DNS, such as {@code paperboy2026}
	 * @param privateKey the same key as {@code privateKeyFile}, as PEM text or Base64, for an environment
	 * variable ({@code PAPERBOY_MAIL_DKIM_PRIVATEKEY}); the file wins when both are set
	 * @param privateKeyFile the RSA private key, PKCS#8, as PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER
	 */
	record Dkim(String domain, String selector, Path privateKeyFile, String privateKey) {

		Dkim {
			domain = blankToNull(domain);
			selector = blankToNull(selector);
			privateKey = blankToNull(privateKey);
		}

		/** Whether signing is asked for: a domain, a selector and a key. */
		boolean configured() {
			return this.domain != null && this.selector != null && (this.privateKeyFile != null || this.privateKey != null);
		}

		/** Whether some of it is set but not all: a mistake to report at start-up, not to ignore. */
		boolean partlyConfigured() {
			return !configured() && (this.domain != null || this.selector != null || this.privateKeyFile != null
					|| this.privateKey != null);
		}

	}

}
