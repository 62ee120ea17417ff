package io.paperboy.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML part travels in ASCII as {@code 7bit}, its characters as references a mail program
 * decodes; the text part keeps its characters.
 */
class HtmlPartTests {

	@RegisterExtension
	static final GreenMailExtension relay = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

	@Test
	void anHtmlPartWithCharactersOutsideAsciiArrivesAs7bitAsciiThatDecodesToTheSameCharacters() throws Exception {
		String text = "Trending — Nov 28: Müller’s “quoted” results \uD83D\uDE00";
		String html = "<html><head><style>p { color: #333333; margin: 0 0 4px 0; }</style></head><body>"
				+ "<h1>Trending — Nov 28</h1><p class=\"authors\">Müller</p><p>“quoted” \uD83D\uDE00</p></body></html>";

		TestRelays.mailer(relay.getSmtp().getPort()).send(MailMessage.transactional("reader@example.org", "Trending", text, html));

		MimeMultipart parts = (MimeMultipart) relay.getReceivedMessages()[0].getContent();
		MimeBodyPart textPart = (MimeBodyPart) parts.getBodyPart(0);
		MimeBodyPart htmlPart = (MimeBodyPart) parts.getBodyPart(1);
		assertThat(htmlPart.getContentType()).startsWith("text/html");
		assertThat(htmlPart.getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
		assertThat(new String(rawBytes(htmlPart), StandardCharsets.ISO_8859_1).chars()).allMatch((octet) -> octet < 0x80);
		assertThat((String) htmlPart.getContent()).doesNotContain("—").contains("&#x2014;").contains("&#x1F600;");
		assertThat(AsciiHtmlTests.decode((String) htmlPart.getContent())).isEqualTo(html);
		assertThat(textPart.getContentType()).startsWith("text/plain");
		assertThat(textPart.getContent()).isEqualTo(text);
	}

	@Test
	void anHtmlPartWithACharacterOutsideAsciiInsideItsStyleIsSentAsItWas() throws Exception {
		String html = "<html><head><style>p.rank::before { content: '—'; }</style></head><body>"
				+ "<p class=\"rank\">Müller “quoted”</p></body></html>";

		TestRelays.mailer(relay.getSmtp().getPort())
			.send(MailMessage.transactional("reader@example.org", "Trending", "Müller", html));

		MimeMultipart parts = (MimeMultipart) relay.getReceivedMessages()[0].getContent();
		MimeBodyPart htmlPart = (MimeBodyPart) parts.getBodyPart(1);
		assertThat(htmlPart.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
		assertThat(htmlPart.getContent()).isEqualTo(html);
	}

	private static byte[] rawBytes(MimeBodyPart part) throws MessagingException, IOException {
		try (InputStream raw = part.getRawInputStream()) {
			return raw.readAllBytes();
		}
	}

}
