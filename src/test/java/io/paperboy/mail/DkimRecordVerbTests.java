package io.paperboy.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mail dkim-record} prints the TXT record for the configured key, or says what is missing. */
class DkimRecordVerbTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void theRecordForTheConfiguredKeyIsPrintedWithItsName() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Path der = this.directory.resolve("dkim.der");
		Files.write(der, keys.getPrivate().getEncoded());

		int exit = run(new MailProperties.Dkim("papers.example.org", "pb2026", der, null));

		assertThat(exit).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("Name:  pb2026._domainkey.papers.example.org")
			.contains("Value: v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
			.contains("pb2026._domainkey.papers.example.org. IN TXT (");
	}

	@Test
	void withoutAConfiguredKeyItSaysWhichPropertiesToSet() {
		int exit = run(new MailProperties.Dkim(null, null, null, null));

		assertThat(exit).isEqualTo(1);
		assertThat(this.out.size()).isZero();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("paperboy.mail.dkim.domain");
	}

	@Test
	void anUnreadableKeyIsReportedNotPrinted() {
		int exit = run(new MailProperties.Dkim("papers.example.org", "pb2026", this.directory.resolve("missing.pem"), null));

		assertThat(exit).isEqualTo(1);
		assertThat(this.out.size()).isZero();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("missing.pem");
	}

	private int run(MailProperties.Dkim dkim) {
		DkimRecordVerb verb = new DkimRecordVerb(new MailProperties(null, null, null, null, dkim));
		return verb.run(List.of(), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
