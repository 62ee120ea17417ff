package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.util.Map;

import io.paperboy.support.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers every message leaves with, checked on what the relay receives. */
class OutgoingHeadersTests {

	private final OutgoingHeaders headers = new OutgoingHeaders("papers.example.org", null);

	@Test
	void everyMessageGetsItsOwnMessageIdOnOurDomain() {
		String first = OutgoingHeaders.messageId(this.headers.complete(TestRelays.digestTo("a@example.org")));
		String second = OutgoingHeaders.messageId(this.headers.complete(TestRelays.digestTo("a@example.org")));

		assertThat(first).matches("<[0-9a-f-]{36}@papers\\.example\\.org>");
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void headersAMessageNamesItselfAreKeptWhateverTheirCase() {
		MailMessage digest = new MailMessage("a@example.org", "Digest", "Text", null,
				Map.of("message-id", "<digest-42-2026-W48@papers.example.org>", "List-ID", "Weekly <weekly.papers.example.org>",
						"Precedence", "list"),
				MailMessage.Kind.BULK);

		MailMessage completed = this.headers.complete(digest);

		assertThat(OutgoingHeaders.messageId(completed)).isEqualTo("<digest-42-2026-W48@papers.example.org>");
		assertThat(completed.headers()).hasSize(3)
			.containsEntry("List-ID", "Weekly <weekly.papers.example.org>")
			.containsEntry("Precedence", "list");
	}

	@Test
	void aTransactionalMessageNeverCarriesUnsubscribeHeadersNorBulkOnes() {
		MailMessage signIn = new MailMessage("a@example.org", "Sign in", "Your link", null,
				Map.of("list-unsubscribe", "<https://papers.example.org/u/1>", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click"),
				MailMessage.Kind.TRANSACTIONAL);

		MailMessage completed = this.headers.complete(signIn);

		assertThat(completed.headers().keySet()).containsExactly("Message-ID");
	}

	@Test
	void overSmtpABulkMessageCarriesDateMessageIdPrecedenceListIdAndGoesFromTheBounceAddress() throws Exception {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			Mailer mailer = TestRelays.mailer(relay.port(), new MailProperties(TestRelays.FROM,
					"bounces@bounces.papers.example.org", null, "Paperboy digests <digests.papers.example.org>", null),
					null);

			String messageId = mailer.send(new MailMessage("reader@example.org", "Digest", "Text", null,
					Map.of("List-Unsubscribe", "<https://papers.example.org/u/1>"), MailMessage.Kind.BULK));

			ScriptedSmtpServer.Received received = relay.received().get(0);
			assertThat(received.mailFrom()).isEqualTo("bounces@bounces.papers.example.org");
			MimeMessage mime = parse(received);
			assertThat(mime.getFrom()[0].toString()).contains("papers@papers.example.org");
			assertThat(mime.getMessageID()).isEqualTo(messageId).endsWith("@papers.example.org>");
			assertThat(mime.getSentDate()).isNotNull();
			assertThat(mime.getHeader("Precedence")).containsExactly("bulk");
			assertThat(mime.getHeader("List-Id")).containsExactly("Paperboy digests <digests.papers.example.org>");
			assertThat(mime.getHeader("List-Unsubscribe")).containsExactly("<https://papers.example.org/u/1>");
		}
	}

	@Test
	void overSmtpATransactionalMessageLosesItsUnsubscribeHeaderAndGoesFromTheFromAddressWithoutABounceAddress()
			throws Exception {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			Mailer mailer = TestRelays.mailer(relay.port());

			mailer.send(new MailMessage("reader@example.org", "Sign in", "Your link", null,
					Map.of("List-Unsubscribe", "<https://papers.example.org/u/1>"), MailMessage.Kind.TRANSACTIONAL));

			ScriptedSmtpServer.Received received = relay.received().get(0);
			assertThat(received.mailFrom()).isEqualTo("papers@papers.example.org");
			MimeMessage mime = parse(received);
			assertThat(mime.getHeader("List-Unsubscribe")).isNull();
			assertThat(mime.getHeader("Precedence")).isNull();
			assertThat(mime.getMessageID()).endsWith("@papers.example.org>");
		}
	}

	static MimeMessage parse(ScriptedSmtpServer.Received received) throws Exception {
		return new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(received.data()));
	}

}
