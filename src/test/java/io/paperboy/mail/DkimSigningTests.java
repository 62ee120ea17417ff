package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.paperboy.support.ScriptedSmtpServer;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Messages signed with a DKIM key verify with Apache jDKIM against the DNS record Paperboy prints
 * for that key, and stop verifying when the body or a signed header is changed.
 */
class DkimSigningTests {

	private static KeyPair keys;

	@TempDir
	static Path directory;

	private static Path pemFile;

	@BeforeAll
	static void makeKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
		pemFile = directory.resolve("dkim.pem");
		Files.writeString(pemFile, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
	}

	private static MailProperties.Dkim dkimFromFile(Path file) {
		return new MailProperties.Dkim("papers.example.org", "pb2026", file, null);
	}

	@Test
	void aSignedMessageWithTextHtmlAndAccentsVerifiesAgainstThePrintedRecord() throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));

		byte[] sent = sendSigned(key);

		String raw = new String(sent, StandardCharsets.ISO_8859_1);
		assertThat(raw).startsWith("DKIM-Signature:").contains("a=rsa-sha256").contains("c=relaxed/relaxed")
			.contains("d=papers.example.org").contains("s=pb2026");
		List<SignatureRecord> signatures = verify(sent, key);
		assertThat(signatures).singleElement().satisfies((signature) -> {
			assertThat(signature.getDToken().toString()).isEqualTo("papers.example.org");
			assertThat(signature.getHeaders()).extracting(CharSequence::toString)
				.map(String::toLowerCase)
				.contains("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post");
		});
	}

	@Test
	void aChangedBodyNoLongerVerifies() throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));
		String sent = new String(sendSigned(key), StandardCharsets.ISO_8859_1);

		String tampered = sent.replace("Seven papers", "Eight papers");

		assertThat(tampered).isNotEqualTo(sent);
		assertThat(verifies(tampered.getBytes(StandardCharsets.ISO_8859_1), key)).isFalse();
	}

	@Test
	void aChangedUnsubscribeLinkNoLongerVerifies() throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));
		String sent = new String(sendSigned(key), StandardCharsets.ISO_8859_1);

		String tampered = sent.replace("https://papers.example.org/u/token", "https://evil.example/u/token");

		assertThat(tampered).isNotEqualTo(sent);
		assertThat(verifies(tampered.getBytes(StandardCharsets.ISO_8859_1), key)).isFalse();
	}

	@Test
	void whitespaceARelayChangesStillVerifiesBecauseCanonicalizationIsRelaxed() throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));
		String sent = new String(sendSigned(key), StandardCharsets.ISO_8859_1);

		String respaced = sent.replace("\r\nPrecedence: bulk\r\n", "\r\nPrecedence:   bulk  \r\n")
			.replace("Seven papers you may like.", "Seven  papers you\tmay like.   ")
			.concat("\r\n\r\n");

		assertThat(respaced).isNotEqualTo(sent);
		assertThat(verifies(respaced.getBytes(StandardCharsets.ISO_8859_1), key)).isTrue();
	}

	@Test
	void aKeyFromDerOrFromBase64TextInTheEnvironmentSignsTheSame() throws Exception {
		Path der = directory.resolve("dkim.der");
		Files.write(der, keys.getPrivate().getEncoded());
		DkimKey fromDer = DkimKey.load(dkimFromFile(der));
		DkimKey fromEnvironment = DkimKey.load(new MailProperties.Dkim("papers.example.org", "pb2026", null,
				Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())));

		assertThat(fromDer.privateKey()).isEqualTo(keys.getPrivate());
		assertThat(fromEnvironment.privateKey()).isEqualTo(keys.getPrivate());
		assertThat(verify(sendSigned(fromEnvironment), fromEnvironment)).hasSize(1);
	}

	@Test
	void thePrintedRecordCarriesThePublicKeyAndItsZoneFileStringsFitInDns() {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));

		assertThat(key.dnsName()).isEqualTo("pb2026._domainkey.papers.example.org");
		assertThat(key.dnsRecord())
			.isEqualTo("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
		assertThat(key.zoneFileLine()).startsWith("pb2026._domainkey.papers.example.org. IN TXT ( \"v=DKIM1; k=rsa; p=");
		assertThat(key.zoneFileLine().split("\"")).allSatisfy((part) -> assertThat(part.length()).isLessThanOrEqualTo(255));
		assertThat(String.join("", key.zoneFileLine().replaceAll("^[^\"]*\"|\"[^\"]*$", "").split("\" \"")))
			.isEqualTo(key.dnsRecord());
	}

	@Test
	void aKeyInTheWrongFormatOrMissingIsRefusedWithWhatToDo() throws Exception {
		Path pkcs1 = directory.resolve("rsa.pem");
		Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----\n");
		Path garbage = directory.resolve("garbage.pem");
		Files.writeString(garbage, "not a key at all!");

		assertThatIllegalStateException().isThrownBy(() -> DkimKey.load(dkimFromFile(pkcs1)))
			.withMessageContaining("openssl pkcs8 -topk8 -nocrypt");
		assertThatIllegalStateException().isThrownBy(() -> DkimKey.load(dkimFromFile(garbage)))
			.withMessageContaining(garbage.toString());
		assertThatIllegalStateException().isThrownBy(() -> DkimKey.load(dkimFromFile(directory.resolve("missing.pem"))))
			.withMessageContaining("Cannot read the DKIM key");
	}

	@Test
	void aDkimConfigurationWithoutItsKeyStopsTheStartInsteadOfSendingUnsigned() {
		MailProperties halfDone = new MailProperties(TestRelays.FROM, null, null, null,
				new MailProperties.Dkim("papers.example.org", "pb2026", null, null));

		assertThatIllegalStateException().isThrownBy(() -> MailConfiguration.dkimKey(halfDone))
			.withMessageContaining("paperboy.mail.dkim");
		assertThat(MailConfiguration.dkimKey(new MailProperties(TestRelays.FROM, null, null, null, null))).isNull();
	}

	/** A bulk message with both parts and non-ASCII text, signed, as the relay received it. */
	private static byte[] sendSigned(DkimKey key) {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			Mailer mailer = TestRelays.mailer(relay.port(), new MailProperties(TestRelays.FROM, null, null, null, null),
					key);
			mailer.send(new MailMessage("reader@example.org", "Trending — Mar 14: Schrödinger's attention",
					"Seven papers you may like.\nÉcole normale — naïve café.",
					"<p>Seven papers you <b>may</b> like. École normale — naïve café.</p>",
					Map.of("List-Unsubscribe", "<https://papers.example.org/u/token>", "List-Unsubscribe-Post",
							"List-Unsubscribe=One-Click"),
					MailMessage.Kind.BULK));
			return relay.received().get(0).data();
		}
	}

	private static List<SignatureRecord> verify(byte[] message, DkimKey key) throws Exception {
		DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
			assertThat(selector.toString()).isEqualTo(key.selector());
			assertThat(domain.toString()).isEqualTo(key.domain());
			return List.of(key.dnsRecord());
		});
		return verifier.verify(new ByteArrayInputStream(message));
	}

	private static boolean verifies(byte[] message, DkimKey key) throws Exception {
		try {
			List<SignatureRecord> signatures = verify(message, key);
			return signatures != null && !signatures.isEmpty();
		}
		catch (FailException ex) {
			return false;
		}
	}

}
