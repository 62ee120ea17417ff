package io.paperboy.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * The key that signs outgoing mail with DKIM (RFC 6376): rsa-sha256, relaxed header and body
 * canonicalization, which survives the whitespace changes relays make.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the selector ({@code s=})
 * @param privateKey the RSA private key
 */
record DkimKey(String domain, String selector, RSAPrivateCrtKey privateKey) {

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

	/** The message as it goes on the wire, with a {@code DKIM-Signature} written as it is sent. */
	DkimMessage sign(MimeMessage message) throws MessagingException {
		try {
			// a signer per message: it is cheap, and DkimSigner does not say it is safe to share
			DkimSigner signer = new DkimSigner(this.domain, this.selector, this.privateKey);
			signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
			signer.setHeaderCanonicalization(Canonicalization.RELAXED);
			signer.setBodyCanonicalization(Canonicalization.RELAXED);
			// never look the key up in DNS while sending: a slow resolver would stall every message
			signer.setCheckDomainKey(false);
			// RFC 8058: the one-click header must be signed, or mail programs ignore it
			signer.addHeaderToSign("List-Unsubscribe-Post");
			return new DkimMessage(message, signer);
		}
		catch (DkimException ex) {
			throw new MessagingException("Cannot sign with the DKIM key: " + ex.getMessage(), ex);
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
