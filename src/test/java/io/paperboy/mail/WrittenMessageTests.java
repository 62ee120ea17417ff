package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A message whose body is written once, as the bytes that go on the wire. */
class WrittenMessageTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final String TEXT = "Trending papers — Nov 28\n\n1. Müller and “others” 😀\n   a = b\n.leading dot\n";

	private static final String HTML = "<p>Trending &amp; new — Nov 28</p>\n<p>Müller</p>\n";

	@Test
	void textAndHtmlReadBackAsAlternativeWithTheTextFirstAndTheSameContent() throws Exception {
		MimeMessage read = readBack(written(TEXT, HTML));

		assertThat(read.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) read.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		MimeBodyPart text = (MimeBodyPart) parts.getBodyPart(0);
		MimeBodyPart html = (MimeBodyPart) parts.getBodyPart(1);
		assertThat(text.getContentType()).isEqualTo("text/plain; charset=UTF-8");
		assertThat(text.getEncoding()).isEqualTo("quoted-printable");
		assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
		assertThat(html.getContentType()).isEqualTo("text/html; charset=UTF-8");
		assertThat(html.getEncoding()).isEqualTo("7bit");
		assertThat(((String) html.getContent()).replace("\r\n", "\n")).isEqualTo(AsciiHtml.of(HTML));
	}

	@Test
	void asciiPartsGoAsTheyAreWithEveryLineEndingInCrlf() throws Exception {
		WrittenMessage message = written("Trending papers\n\n1. A title\n", "<p>Trending &amp; new</p>\n<p>Second</p>\n");

		String body = new String(message.bodyBytes(), StandardCharsets.US_ASCII);

		assertThat(body).contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
				+ "Trending papers\r\n\r\n1. A title\r\n\r\n--")
			.contains("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
					+ "<p>Trending &amp; new</p>\r\n<p>Second</p>\r\n\r\n--")
			.endsWith("--\r\n");
		assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void htmlThatCannotGoAsAsciiGoesQuotedPrintableAndReadsBackTheSame() throws Exception {
		String html = "<style>p::before { content: \"—\"; }</style>\n<p>Müller</p>\n";

		MimeMultipart parts = (MimeMultipart) readBack(written(TEXT, html)).getContent();

		assertThat(parts.getBodyPart(1).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(html);
	}

	@Test
	void aMessageWithoutHtmlIsOneTextPart() throws Exception {
		MimeMessage read = readBack(written(TEXT, null));

		assertThat(read.getContentType()).isEqualTo("text/plain; charset=UTF-8");
		assertThat(read.getEncoding()).isEqualTo("quoted-printable");
		assertThat(((String) read.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
		assertThat(read.getHeader("MIME-Version", null)).isEqualTo("1.0");
	}

	@Test
	void theMessageGoesAsWrittenTheSameBytesEachTimeAndKeepsItsMessageId() throws Exception {
		WrittenMessage message = written(TEXT, HTML);

		byte[] first = bytes(message);
		byte[] second = bytes(message);

		assertThat(second).isEqualTo(first);
		String wire = new String(first, StandardCharsets.UTF_8);
		assertThat(wire).contains("Message-ID: <kept@papers.example.org>\r\n")
			.endsWith("\r\n\r\n" + new String(message.bodyBytes(), StandardCharsets.US_ASCII));
		message.saveChanges();
		assertThat(message.getMessageID()).isEqualTo("<kept@papers.example.org>");
	}

	@Test
	void everyMessageHasABoundaryOfItsOwn() throws Exception {
		String one = written(TEXT, HTML).getContentType();
		String other = written(TEXT, HTML).getContentType();

		assertThat(one).contains("boundary=").isNotEqualTo(other);
	}

	private static WrittenMessage written(String text, String html) throws Exception {
		WrittenMessage message = WrittenMessage.create(SESSION);
		message.setHeader("Message-ID", "<kept@papers.example.org>");
		message.setSubject("Trending papers");
		message.body(text, html);
		return message;
	}

	private static byte[] bytes(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	private static MimeMessage readBack(MimeMessage message) throws Exception {
		return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message)));
	}

}
