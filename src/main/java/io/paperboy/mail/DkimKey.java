package io.paperboy.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.mail.MessagingException;

/**
 * The key that signs outgoing mail with DKIM (RFC 6376): rsa-sha256, relaxed header and body
 * canonicalization, which survives the whitespace changes relays make.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the selector ({@code s=})
 * @param privateKey the RSA private key
 */
record DkimKey(String domain, String selector, RSAPrivateCrtKey privateKey) {

	/**
	 * The header fields signed when the message has them: those a reader sees or that change how the
	 * message is read, and the list fields; {@code List-Unsubscribe-Post} too, because mail programs
	 * ignore a one-click unsubscribe that is not signed (RFC 8058). {@code From}, {@code To} and
	 * {@code Subject} must be there.
	 */
	static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "Reply-To",
			"Sender", "Cc", "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
			"Content-ID", "Content-Description", "List-Id", "List-Help", "List-Subscribe", "List-Unsubscribe",
			"List-Unsubscribe-Post", "List-Post", "List-Owner", "List-Archive", "Resent-Date", "Resent-From",
			"Resent-Sender", "Resent-To", "Resent-Cc", "Resent-Message-ID");

	private static final ThreadLocal<Signer> SIGNERS = ThreadLocal.withInitial(Signer::new);

	/** Loads the configured key, or says plainly what is wrong with it. */
	static DkimKey load(MailProperties.Dkim dkim) {
		byte[] der;
		if (dkim.privateKeyFile() != null) {
			try {
				der = der(Files.readAllBytes(dkim.privateKeyFile()), "paperboy.mail.dkim.private-key-file "
						+ dkim.privateKeyFile());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the DKIM key paperboy.mail.dkim.private-key-file "
						+ dkim.privateKeyFile() + ": " + ex.getMessage(), ex);
			}
		}
		else {
			der = der(dkim.privateKey().getBytes(StandardCharsets.US_ASCII), "paperboy.mail.dkim.private-key");
		}
		try {
			if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key) {
				return new DkimKey(dkim.domain(), dkim.selector(), key);
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The DKIM key is not an RSA private key in PKCS#8: " + ex.getMessage(), ex);
		}
		throw new IllegalStateException("The DKIM key is an RSA key without its CRT parameters; "
				+ "write it again with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out dkim.pem");
	}

	/** PEM or Base64 text decoded; DER (a binary file starting with a SEQUENCE) kept as it is. */
	private static byte[] der(byte[] bytes, String source) {
		if (bytes.length > 0 && bytes[0] == 0x30) {
			return bytes;
		}
		String text = new String(bytes, StandardCharsets.US_ASCII);
		if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
			throw new IllegalStateException("The DKIM key in " + source + " is not an unencrypted PKCS#8 key; "
					+ "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out dkim.pem");
		}
		String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The DKIM key in " + source + " is neither PEM, Base64 nor DER", ex);
		}
	}

	/**
	 * The {@code DKIM-Signature} field of a message whose headers and body are final, as it is
	 * written before them (without its final CRLF). The body is canonicalized and hashed in one pass
	 * over its wire bytes ({@link RelaxedCanonicalization}), the header fields are signed with the
	 * JDK's {@link Signature}, and the field is written here: a library that builds the message
	 * again as text and canonicalizes it line by line with regular expressions spent more than half
	 * of a sender's time on it.
	 * @param headerLines the message's header fields as they are written, in order
	 * @param body the body as it goes on the wire
	 * @param now the signing time ({@code t=})
	 */
	String signatureField(List<String> headerLines, byte[] body, Instant now) throws MessagingException {
		MessageDigest bodyHash = sha256();
		RelaxedCanonicalization.digestBody(body, bodyHash);
		List<String> signed = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (String name : SIGNED_HEADERS) {
			// every instance of a field, the last one first, as a verifier takes them (RFC 6376 5.4.2)
			for (int i = headerLines.size() - 1; i >= 0; i--) {
				if (nameOf(headerLines.get(i)).equalsIgnoreCase(name)) {
					signed.add(headerLines.get(i));
					names.add(name);
				}
			}
		}
		for (String mandatory : List.of("From", "To", "Subject")) {
			if (!names.contains(mandatory)) {
				throw new MessagingException("Cannot sign with the DKIM key: the message has no " + mandatory);
			}
		}
		String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=relaxed/relaxed; t=" + now.getEpochSecond()
				+ "; s=" + this.selector + "; d=" + this.domain + ";\r\n\th=" + String.join(":", names) + ";\r\n\tbh="
				+ Base64.getEncoder().encodeToString(bodyHash.digest()) + ";\r\n\tb=";
		try {
			Signature rsa = SIGNERS.get().with(this.privateKey);
			for (String line : signed) {
				rsa.update(RelaxedCanonicalization.headerBytes(line));
			}
			// the signature's own field last, with b= empty and without its CRLF (RFC 6376 3.7)
			byte[] own = RelaxedCanonicalization.headerBytes(unsigned);
			rsa.update(own, 0, own.length - 2);
			return unsigned + Base64.getEncoder().encodeToString(rsa.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new MessagingException("Cannot sign with the DKIM key: " + ex.getMessage(), ex);
		}
	}

	private static String nameOf(String headerLine) {
		int colon = headerLine.indexOf(':');
		return (colon < 0) ? "" : headerLine.substring(0, colon).strip();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	/**
	 * A sender's RSA signature, kept for its thread: a {@link Signature} is not safe to
	 * share, and looking one up and giving it the key again for every message would cost for nothing.
	 */
	private static final class Signer {

		private final Signature rsa;

		private RSAPrivateCrtKey key;

		Signer() {
			try {
				this.rsa = Signature.getInstance("SHA256withRSA");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA256withRSA is missing from this Java runtime", ex);
			}
		}

		/** The signature, ready to sign with this key (after {@code sign()} it is ready again). */
		Signature with(RSAPrivateCrtKey privateKey) throws InvalidKeyException {
			if (this.key != privateKey) {
				this.rsa.initSign(privateKey);
				this.key = privateKey;
			}
			return this.rsa;
		}

	}

	/** Where the public key is published: {@code selector._domainkey.domain}. */
	String dnsName() {
		return this.selector + "._domainkey." + this.domain;
	}

	/** The TXT record to publish at {@link #dnsName()}: {@code v=DKIM1; k=rsa; p=...}. */
	String dnsRecord() {
		try {
			byte[] publicKey = KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(this.privateKey.getModulus(), this.privateKey.getPublicExponent()))
				.getEncoded();
			return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is missing from this Java runtime", ex);
		}
	}

	/**
	 * The record as a zone-file line: a TXT string holds at most 255 characters, so a 2048-bit key
	 * is written as several strings, which DNS joins.
	 */
	String zoneFileLine() {
		String record = dnsRecord();
		List<String> strings = new ArrayList<>();
		for (int at = 0; at < record.length(); at += 255) {
			strings.add("\"" + record.substring(at, Math.min(record.length(), at + 255)) + "\"");
		}
		return dnsName() + ". IN TXT ( " + String.join(" ", strings) + " )";
	}

}
