package io.paperboy.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
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
