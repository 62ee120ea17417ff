package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.paperboy.support.ScriptedSmtpServer;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
	void aMessageWrittenFromSharedPiecesIsSignedAndArrivesAsTheSameMessageWrittenFromItsStrings() throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));
		PartPieces pieces = new PartPieces();
		pieces.share("École normale — naïve café.");
		TextPart text = pieces.text().append("Seven papers you may like.\n").appendShared("École normale — naïve café.\n.dot\n");
		HtmlPart html = pieces.html();
		html.writeContent("<p>Seven papers you <b>may</b> like. ");
		html.setContext("p", null);
		html.writeUserContent("École normale — naïve café.");
		html.writeContent("</p>\n.dot\n");

		byte[] fromPieces = send(key, new WrittenParts(text, html), null, null);
		byte[] fromStrings = send(key, null, text.toString(), html.toString());

		assertThat(verify(fromPieces, key)).hasSize(1);
		assertThat(withoutWhatChangesEachTime(fromPieces)).isEqualTo(withoutWhatChangesEachTime(fromStrings));
		assertThat(new String(fromPieces, StandardCharsets.ISO_8859_1)).contains("\r\n.dot\r\n").contains("&#x2014;");
	}

	/** The message without its signature, date, Message-ID and boundaries, which differ from one message to the next. */
	private static String withoutWhatChangesEachTime(byte[] message) {
		String raw = new String(message, StandardCharsets.ISO_8859_1);
		return raw.replaceAll("(?m)^DKIM-Signature:.*(\r\n[ \t].*)*\r\n", "")
			.replaceAll("(?m)^(Date|Message-ID):.*\r\n", "")
			.replaceAll("----=_Part_[0-9A-Za-z_]+", "BOUNDARY");
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

	/**
	 * Bodies whose relaxed form differs from what is sent: each verifies with Apache jDKIM as the relay
	 * received it, and no longer verifies once a word of its body is changed.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void bodiesThatCanonicalizationChangesVerifyAndFailOnceTampered(String name, String text, String html)
			throws Exception {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));

		byte[] sent = send(key, text, html);

		assertThat(verify(sent, key)).hasSize(1);
		String raw = new String(sent, StandardCharsets.ISO_8859_1);
		int body = raw.indexOf("\r\n\r\n") + 4;
		int marker = raw.indexOf("Marker", body);
		assertThat(marker).as("the marker word in the body").isPositive();
		String tampered = raw.substring(0, marker) + "Marked" + raw.substring(marker + "Marker".length());
		assertThat(verifies(tampered.getBytes(StandardCharsets.ISO_8859_1), key)).isFalse();
	}

	static Stream<Arguments> bodies() {
		String longWords = "Marker " + "attention is all you need ".repeat(200);
		return Stream.of(
				Arguments.of("trailing empty lines, text alone", "Marker papers.\n\n\n\n", null),
				Arguments.of("trailing empty lines before the HTML part", "Marker papers.\n\n\n", "<p>papers</p>\n\n"),
				Arguments.of("trailing spaces and tabs", "Marker  papers \t \nnext\t\tline   \n   \nend \n", null),
				Arguments.of("runs of white space inside lines", "\t Marker \t  papers\n  indented   line", null),
				Arguments.of("no final line end", "Marker papers, no end", null),
				Arguments.of("CRLF line ends in the text", "Marker papers \r\nsecond line\r\n\r\n", null),
				Arguments.of("a lone CR in the text", "Marker papers\rsecond", null),
				Arguments.of("a long line of words", longWords, "<p>" + longWords + "</p>"),
				Arguments.of("a long line without spaces", "Marker " + "x".repeat(3000) + "\n", null),
				Arguments.of("non-ASCII", "Marker École normale — naïve café, 注意力 \n\n",
						"<p>Marker École normale — naïve café, 注意力</p>"),
				Arguments.of("only one word", "Marker", null));
	}

	/** RFC 6376's own example (3.4.5): relaxed header and body canonicalization. */
	@Test
	void theRfcExampleCanonicalizesAsTheRfcSays() throws Exception {
		assertThat(RelaxedCanonicalization.header("A: X")).isEqualTo("a:X\r\n");
		assertThat(RelaxedCanonicalization.header("B : Y\t\r\n\tZ  ")).isEqualTo("b:Y Z\r\n");
		assertThat(canonicalBody(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(sha256(" C\r\nD E\r\n"));
	}

	/**
	 * The one-pass body canonicalization against the RFC's rules applied one after another with
	 * regular expressions, over line ends as the SMTP transport writes them (a lone LF or CR becomes
	 * CRLF), for bodies a byte at a time longer than the pass's buffer too.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "\r\n", "\r\n\r\n\n\r", "   \r\n\t\r\n", "a", "a ", " a", "a\r\n\r\nb\r\n\r\n",
			"a \t b\t\r\n c\n\nd\re\r\r\n", "é \u00a0 ü\r\n", "trailing\t", "\n\n\nlate start" })
	void theBodyIsCanonicalizedAsTheRulesOneAfterAnotherSay(String body) throws Exception {
		assertThat(canonicalBody(body)).isEqualTo(sha256(relaxedBodyByTheRules(body)));
		String large = (body + "word  \t word \r\n").repeat(2000) + body;
		assertThat(canonicalBody(large)).isEqualTo(sha256(relaxedBodyByTheRules(large)));
	}

	private static byte[] canonicalBody(String body) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		RelaxedCanonicalization.digestBody(body.getBytes(StandardCharsets.UTF_8), digest);
		return digest.digest();
	}

	private static byte[] sha256(String text) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/** RFC 6376 3.4.4, rule after rule. */
	private static String relaxedBodyByTheRules(String body) {
		String lines = body.replaceAll("\r\n|\r|\n", "\r\n");
		lines = lines.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+$", "");
		lines = lines.replaceAll("[ \t]+", " ");
		lines = lines.replaceAll("(\r\n)+$", "");
		return lines.isEmpty() ? "" : lines + "\r\n";
	}

	@Test
	void aMessageWithoutFromToOrSubjectIsNotSigned() {
		DkimKey key = DkimKey.load(dkimFromFile(pemFile));

		assertThatExceptionOfType(jakarta.mail.MessagingException.class)
			.isThrownBy(() -> key.signatureField(List.of("From: a@example.org", "To: b@example.org"),
					"body\r\n".getBytes(StandardCharsets.US_ASCII), java.time.Instant.now()))
			.withMessageContaining("Subject");
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
		return send(key, "Seven papers you may like.\nÉcole normale — naïve café.",
				"<p>Seven papers you <b>may</b> like. École normale — naïve café.</p>");
	}

	/** A bulk message with these parts, signed, as the relay received it. */
	private static byte[] send(DkimKey key, String text, String html) {
		return send(key, null, text, html);
	}

	/** The same, from parts written already or, when {@code parts} is {@code null}, from strings. */
	private static byte[] send(DkimKey key, WrittenParts parts, String text, String html) {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			Mailer mailer = TestRelays.mailer(relay.port(), new MailProperties(TestRelays.FROM, null, null, null, null),
					key);
			Map<String, String> headers = Map.of("List-Unsubscribe", "<https://papers.example.org/u/token>",
					"List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			String subject = "Trending — Mar 14: Schrödinger's attention";
			mailer.send((parts != null) ? MailMessage.written("reader@example.org", subject, parts, headers, MailMessage.Kind.BULK)
					: new MailMessage("reader@example.org", subject, text, html, headers, MailMessage.Kind.BULK));
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
