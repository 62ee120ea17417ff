package io.paperboy.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A message as it goes on the wire, written without a relay. */
class MimeWriterTests {

	private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-02T12:00:00Z"), ZoneOffset.UTC);

	private final OutgoingHeaders headers = new OutgoingHeaders("papers.example.org", null);

	private final MimeWriter writer = new MimeWriter(Session.getInstance(new Properties()),
			new MailProperties(TestRelays.FROM, null, null, null, null), null, NOON);

	@Test
	void aMessageWithoutHtmlIsOneTextPartFromTheConfiguredSender() throws Exception {
		MimeMessage mime = this.writer.write(this.headers.complete(TestRelays.digestTo("reader@example.org")));

		assertThat(mime.getContentType()).startsWith("text/plain").contains("UTF-8");
		assertThat(mime.getFrom()[0].toString()).isEqualTo(TestRelays.FROM);
		assertThat(mime.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
		assertThat(mime.getSentDate().toInstant()).isEqualTo(NOON.instant());
	}

	@Test
	void aMessageWithHtmlIsAlternativeWithTheTextFirstAndTheHtmlLast() throws Exception {
		MailMessage message = this.headers.complete(MailMessage.transactional("reader@example.org", "Sign in",
				"Open the link.", "<p>Open the <a href=\"https://papers.example.org/\">link</a>.</p>"));

		MimeMessage mime = this.writer.write(message);

		MimeMultipart parts = (MimeMultipart) mime.getContent();
		assertThat(parts.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
	}

	@Test
	void theMessageIdPaperboyGaveIsKeptWhenTheMessageIsSaved() throws Exception {
		MailMessage message = this.headers.complete(TestRelays.digestTo("reader@example.org"));

		MimeMessage mime = this.writer.write(message);
		mime.saveChanges();

		assertThat(mime.getMessageID()).isEqualTo(OutgoingHeaders.messageId(message)).endsWith("@papers.example.org>");
	}

	@Test
	void theBounceAddressIsTheEnvelopeSenderWhenOneIsSet() throws Exception {
		MimeWriter bouncing = new MimeWriter(Session.getInstance(new Properties()),
				new MailProperties(TestRelays.FROM, "bounces@papers.example.org", null, null, null), null, NOON);

		SMTPMessage mime = (SMTPMessage) bouncing.write(TestRelays.digestTo("reader@example.org"));
		SMTPMessage unbounced = (SMTPMessage) this.writer.write(TestRelays.digestTo("reader@example.org"));

		assertThat(mime.getEnvelopeFrom()).isEqualTo("bounces@papers.example.org");
		assertThat(unbounced.getEnvelopeFrom()).isNull();
	}

	@Test
	void aRecipientsDomainGoesInAscii() throws Exception {
		MimeMessage mime = this.writer.write(TestRelays.digestTo("leser@bücher.example"));

		assertThat(mime.getAllRecipients()[0].toString()).isEqualTo("leser@xn--bcher-kva.example");
	}

	@Test
	void aRecipientThatIsNotAnAddressCannotBeWritten() {
		assertThatExceptionOfType(MessagingException.class)
			.isThrownBy(() -> this.writer.write(TestRelays.digestTo("not an address")));
	}

	@Test
	void aSenderThatIsNotAnAddressStopsTheStartNamingTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MimeWriter(Session.getInstance(new Properties()),
					new MailProperties("Paperboy <nowhere", null, null, null, null), null, NOON))
			.withMessageContaining("paperboy.mail.from");
		assertThatIllegalStateException()
			.isThrownBy(() -> new MimeWriter(Session.getInstance(new Properties()),
					new MailProperties(TestRelays.FROM, "bounces@", null, null, null), null, NOON))
			.withMessageContaining("paperboy.mail.bounce-address");
	}

	@Test
	void theHeadersOfTheMessageAreWritten() throws Exception {
		MailMessage message = new MailMessage("reader@example.org", "Your papers", "Seven papers.", null,
				Map.of("List-Id", "Paperboy <digests.papers.example.org>"), MailMessage.Kind.BULK);

		MimeMessage mime = this.writer.write(message);

		assertThat(mime.getHeader("List-Id", null)).isEqualTo("Paperboy <digests.papers.example.org>");
	}

}
