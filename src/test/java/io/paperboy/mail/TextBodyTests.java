package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text put into a part as bytes: 7bit when it may be, otherwise Angus Mail's choice. */
class TextBodyTests {

	@Test
	void asciiWithLinesUpTo998OctetsIsSevenBit() {
		assertThat(TextBody.isSevenBit(bytes("Trending papers\n\n1. A title\n"))).isTrue();
		assertThat(TextBody.isSevenBit(bytes("x".repeat(998) + "\n" + "y".repeat(998)))).isTrue();
		assertThat(TextBody.isSevenBit(bytes(""))).isTrue();
	}

	@Test
	void anythingElseIsNot() {
		assertThat(TextBody.isSevenBit(bytes("x".repeat(999)))).as("a line too long").isFalse();
		assertThat(TextBody.isSevenBit(bytes("Trending papers — Nov 28"))).as("not ASCII").isFalse();
		assertThat(TextBody.isSevenBit(bytes("a\u0000b"))).as("NUL").isFalse();
		assertThat(TextBody.isSevenBit(bytes("a\rb"))).as("a bare CR").isFalse();
	}

	@Test
	void aSevenBitPartIsWrittenAsItIs() throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		TextBody.set(message, "<p>Trending &amp; new</p>\n<p>Second line</p>\n", "html");

		String written = written(message);

		assertThat(written).contains("Content-Type: text/html; charset=UTF-8\r\n")
			.contains("Content-Transfer-Encoding: 7bit\r\n")
			.endsWith("\r\n\r\n<p>Trending &amp; new</p>\n<p>Second line</p>\n");
	}

	@Test
	void textWithOtherCharactersIsEncodedAndReadsBackTheSame() throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		String text = "Trending papers — Nov 28\nMüller and “others” 😀\n";
		TextBody.set(message, text, "plain");
		message.saveChanges();

		assertThat(message.getEncoding()).isEqualTo("quoted-printable");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		MimeMessage read = new MimeMessage(Session.getInstance(new Properties()),
				new java.io.ByteArrayInputStream(out.toByteArray()));
		assertThat(((String) read.getContent()).replace("\r\n", "\n")).isEqualTo(text);
		assertThat(read.getContentType()).isEqualTo("text/plain; charset=UTF-8");
	}

	@Test
	void quotedPrintableReadsBackAsTheTextWithNoLineOver76() throws Exception {
		List<String> texts = List.of("Trending papers — Nov 28\n", "a = b\n", "ends in a space \nand a tab\t\nend ",
				"Müller, Çelik and “others” 😀\n", "é".repeat(200) + "\n" + "x".repeat(300) + "\n", "=".repeat(80),
				"a\r\nb\rc", "", "x".repeat(75) + "é", "x".repeat(74) + " \n", ".\n.leading dot\n");
		for (String text : texts) {
			byte[] encoded = QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8));
			String ascii = new String(encoded, StandardCharsets.US_ASCII);

			assertThat(ascii.split("\r\n", -1)).as(text).allMatch((line) -> line.length() <= 76);
			assertThat(ascii.replace("\r\n", "")).as(text).doesNotContain("\n").doesNotContain("\r");
			assertThat(ascii.split("\r\n", -1)).as("no line ends in white space: " + text)
				.noneMatch((line) -> line.endsWith(" ") || line.endsWith("\t"));
			byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes();
			assertThat(new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n"))
				.isEqualTo(text.replace("\r\n", "\n").replace("\r", "\r"));
		}
	}

	@Test
	void aPartOfAsciiTextIsSevenBitAsItIsAndAnyOtherIsQuotedPrintable() throws Exception {
		MimeBodyPart ascii = TextBody.part("<p>New</p>\n<p>Papers</p>\n", "html");
		MimeBodyPart other = TextBody.part("Trending papers — Nov 28\nMüller\n", "plain");

		assertThat(ascii.getEncoding()).isEqualTo("7bit");
		assertThat(ascii.getContentType()).isEqualTo("text/html; charset=UTF-8");
		assertThat(ascii.getRawInputStream().readAllBytes()).isEqualTo("<p>New</p>\n<p>Papers</p>\n".getBytes());
		assertThat(other.getEncoding()).isEqualTo("quoted-printable");
		assertThat(((String) other.getContent()).replace("\r\n", "\n")).isEqualTo("Trending papers — Nov 28\nMüller\n");
	}

	private static String written(MimeMessage message) throws Exception {
		message.saveChanges();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
