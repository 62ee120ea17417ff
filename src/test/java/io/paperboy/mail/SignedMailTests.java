package io.paperboy.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import io.paperboy.support.ScriptedSmtpServer;
import org.apache.james.jdkim.DKIMVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application configured as the operator would: {@code paperboy.mail.dkim.*} with a PEM key file
 * and a bounce address. What reaches the relay is signed and verifies.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=none",
		"paperboy.mail.from=Paperboy <papers@papers.example.org>",
		"paperboy.mail.bounce-address=bounces@papers.example.org", "paperboy.mail.dkim.domain=papers.example.org",
		"paperboy.mail.dkim.selector=pb2026" })
class SignedMailTests {

	static final ScriptedSmtpServer relay = ScriptedSmtpServer.start();

	static final KeyPair keys = keys();

	@DynamicPropertySource
	static void relayAndKey(DynamicPropertyRegistry registry) throws IOException {
		Path pem = Files.createTempFile("dkim", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", relay::port);
		registry.add("paperboy.mail.dkim.private-key-file", pem::toString);
	}

	@AfterAll
	static void closeRelay() {
		relay.close();
	}

	@Autowired
	private Mailer mailer;

	@Test
	void aSignInMessageLeavesSignedFromTheBounceAddress() throws Exception {
		this.mailer.send(MailMessage.transactional("reader@example.org", "Sign in to Paperboy", "Your link: https://x", null));

		ScriptedSmtpServer.Received received = relay.received().get(0);
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
