package io.paperboy.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.paperboy.web.SiteProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links in digest mail: {@code ID.SIGNATURE}, where the signature is an HMAC-SHA256 of the
 * subscription's id, the link's purpose and the address, under the digest secret. Nobody without
 * the secret can make one, and a link made for one subscriber or purpose fails for any other. The
 * signature is the first 128 bits of the HMAC.
 * Links do not expire: an unsubscribe link in a year-old message must still work.
 */
@Component
class SignedLinks {

	private static final int SIGNATURE_BYTES = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final DigestProperties properties;

	private final JdbcClient jdbc;

	private final String baseUrl;

	private volatile byte[] key;

	SignedLinks(DigestProperties properties, JdbcClient jdbc, SiteProperties site) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.baseUrl = (site.baseUrl() != null) ? site.baseUrl() : "http://localhost:8080";
	}

	/** The token for one subscription and purpose. */
	String token(Subscription subscription, LinkPurpose purpose) {
		return subscription.id() + "." + ENCODER.encodeToString(signature(subscription.id(), subscription.email(), purpose));
	}

	/** The absolute link: {@code BASE/digest/PURPOSE/TOKEN}. */
	String url(Subscription subscription, LinkPurpose purpose) {
		return this.baseUrl + path(subscription, purpose);
	}

	/** The link's path on this site. */
	String path(Subscription subscription, LinkPurpose purpose) {
		return "/digest/" + purpose.name().toLowerCase(java.util.Locale.ROOT) + "/" + token(subscription, purpose);
	}

	/** The site's own address, for links to papers. */
	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The subscription id a token names, when the token has the right shape; whether it is genuine
	 * is for {@link #verify} to say once the subscription is read.
	 */
	static Optional<Long> idOf(String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 19) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(token.substring(0, dot)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Whether the token was made by {@link #token} for this subscription and purpose. */
	boolean verify(String token, Subscription subscription, LinkPurpose purpose) {
		if (token == null || idOf(token).filter((id) -> id == subscription.id()).isEmpty()) {
			return false;
		}
		// the text is compared, not the decoded bytes: Base64 lets the last character of 16 bytes
		// be spelt four ways, and only the spelling we wrote may open anything
		byte[] given = token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
		byte[] expected = ENCODER.encodeToString(signature(subscription.id(), subscription.email(), purpose))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(given, expected);
	}

	private byte[] signature(long id, String email, LinkPurpose purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] full = mac.doFinal((id + "\u0000" + purpose.name() + "\u0000" + email).getBytes(StandardCharsets.UTF_8));
			// 128 bits are beyond guessing and keep a link short enough for a 78-column text line
			return java.util.Arrays.copyOf(full, SIGNATURE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			String secret = (this.properties.secret() != null) ? this.properties.secret() : storedSecret();
			current = secret.getBytes(StandardCharsets.UTF_8);
			this.key = current;
		}
		return current;
	}

	/**
	 * The secret kept in the database, made on first use. Two nodes making one at the same moment
	 * both end up with the one that was stored first.
	 */
	private String storedSecret() {
		Optional<String> stored = this.jdbc.sql("select secret from digest_secret where id = 1").query(String.class).optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			this.jdbc.sql("insert into digest_secret (id, secret) values (1, :secret)")
				.param("secret", HexFormat.of().formatHex(random))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another node made it first: theirs is the one
		}
		return this.jdbc.sql("select secret from digest_secret where id = 1").query(String.class).single();
	}

}
