package io.paperboy.mail;

import java.util.Map;

import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import io.paperboy.web.SiteProperties;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code spring.mail.host} set, mail leaves over SMTP (the tests' relay, {@link TestSmtp}). */
@WebTest
class SmtpMailTests {

	@Autowired
	private Mailer mailer;

	@Autowired
	private org.springframework.mail.javamail.JavaMailSender sender;

	@Autowired
	private MailProperties properties;

	@Autowired
	private SiteProperties site;

	@Test
	void connectionsToTheRelaySendSmallWritesAtOnce() throws Exception {
		var session = ((org.springframework.mail.javamail.JavaMailSenderImpl) this.sender).getSession();
		Object factory = session.getProperties().get("mail.smtp.socketFactory");

		assertThat(factory).isInstanceOf(NoDelaySockets.class);
		try (java.net.Socket socket = ((javax.net.SocketFactory) factory).createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void jakartaMailFindsAngusMailsStreamProviderByTheSystemPropertyOnceMailIsConfigured() {
		assertThat(System.getProperty("jakarta.mail.util.StreamProvider")).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isExactlyInstanceOf(MailStreamProvider.class);
	}

	@Test
	void aMessageWithTextAndHtmlArrivesAsMultipartAlternativeFromTheConfiguredSender() throws Exception {
		assertThat(this.mailer.keepsMailInOutbox()).isFalse();

		this.mailer.send(new MailMessage("reader@example.org", "Trending — Mar 14: Attention", "Plain words",
				"<p>Rich <b>words</b></p>", Map.of("List-Id", "Paperboy digest <digest.example.org>"),
				MailMessage.Kind.BULK));

		MimeMessage received = TestSmtp.messages().get(0);
		assertThat(received.getSubject()).isEqualTo("Trending — Mar 14: Attention");
		assertThat(this.properties.from()).isEqualTo("Paperboy Papers <papers@example.org>");
		assertThat(received.getFrom()[0].toString()).contains("papers@example.org").contains("Paperboy Papers");
		assertThat(received.getHeader("List-Id")[0]).isEqualTo("Paperboy digest <digest.example.org>");
		assertThat(received.getHeader("Precedence")).containsExactly("bulk");
		assertThat(received.getSentDate()).isNotNull();
		MimeMultipart body = (MimeMultipart) received.getContent();
		assertThat(body.getContentType()).startsWith("multipart/alternative");
		assertThat(TestSmtp.relay().received().get(0).text()).contains("Plain words").contains("<b>words</b>");
	}

	@Test
	void messageIdsAreOnTheHostOfTheBaseUrlWhenNoDomainIsConfigured() throws Exception {
		String messageId = this.mailer.send(MailMessage.transactional("reader@example.org", "Sign in", "Link", null));

		assertThat(messageId).endsWith("@" + java.net.URI.create(this.site.baseUrl()).getHost() + ">")
			.endsWith("@papers.example.org>");
		assertThat(TestSmtp.messages().get(0).getMessageID()).isEqualTo(messageId);
	}

	@Test
	void anAddressKeptWithAnInternationalisedDomainGoesToTheRelayInItsAsciiForm() throws Exception {
		this.mailer.send(MailMessage.transactional("reader@exämple.org", "Sign in", "Link", null));

		// the relay is given the address in RCPT TO
		assertThat(TestSmtp.messagesTo("reader@xn--exmple-cua.org")).hasSize(1);
		assertThat(TestSmtp.messages().get(0).getHeader("To")).containsExactly("reader@xn--exmple-cua.org");
	}

	@Test
	void anAddressKeptWithALocalPartOutsideAsciiFailsForGoodAndSendsNothing() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MailFailure.class)
			.isThrownBy(() -> this.mailer.send(MailMessage.transactional("readér@example.org", "Sign in", "Link", null)))
			.withMessageContaining("SMTPUTF8")
			.matches(MailFailure::permanent);
		assertThat(TestSmtp.messages()).isEmpty();
	}

	@Test
	void lineBreaksInASubjectOrHeaderCannotAddHeaders() throws Exception {
		this.mailer.send(new MailMessage("victim@example.org", "Paper title\r\nBcc: everyone@example.org", "Text", null,
				Map.of("X-Paper", "value\nBcc: more@example.org"), MailMessage.Kind.TRANSACTIONAL));

		MimeMessage received = TestSmtp.messages().get(0);
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getSubject()).isEqualTo("Paper title  Bcc: everyone@example.org");
		assertThat(received.getAllRecipients()).hasSize(1);
		assertThat(TestSmtp.messages()).hasSize(1);
	}

}
