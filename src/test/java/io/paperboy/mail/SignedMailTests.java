package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.paperboy.support.ScriptedSmtpServer;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.apache.james.jdkim.DKIMVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailer configured as the operator would: {@code paperboy.mail.dkim.*} with a PEM key file and
 * a bounce address, made as {@link MailConfiguration} makes it from those settings, sending through
 * the application's relay ({@link TestSmtp}). What reaches the relay is signed and verifies.
 */
@WebTest
class SignedMailTests {

	static final KeyPair keys = keys();

	private Mailer mailer;

	@BeforeEach
	void signingMailer(@Autowired JavaMailSender relay, @Autowired DevMailRepository outbox,
			@Autowired OutgoingHeaders headers, @Autowired Clock clock) throws IOException {
		Path pem = Files.createTempFile("dkim", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
		MailProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
				"paperboy.mail.from", "Paperboy <papers@papers.example.org>",
				"paperboy.mail.bounce-address", "bounces@papers.example.org",
				"paperboy.mail.dkim.domain", "papers.example.org", "paperboy.mail.dkim.selector", "pb2026",
				"paperboy.mail.dkim.private-key-file", pem.toString())))
			.bind("paperboy.mail", MailProperties.class)
			.get();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("relay", relay);
		this.mailer = new Mailer(new MailConfiguration().mailDelivery(beans.getBeanProvider(JavaMailSender.class),
				properties, outbox, clock), headers);
	}

	@Test
	void aSignInMessageLeavesSignedFromTheBounceAddress() throws Exception {
		this.mailer.send(MailMessage.transactional("reader@example.org", "Sign in to Paperboy", "Your link: https://x", null));

		ScriptedSmtpServer.Received received = TestSmtp.relay().received().get(0);
		assertThat(received.mailFrom()).isEqualTo("bounces@papers.example.org");
		String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
		DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> List.of(record));
		assertThat(verifier.verify(new ByteArrayInputStream(received.data()))).hasSize(1);
		assertThat(received.text()).contains("d=papers.example.org").contains("s=pb2026");
		assertThat(new String(received.data(), StandardCharsets.ISO_8859_1)).doesNotContain("List-Unsubscribe");
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
