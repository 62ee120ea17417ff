package io.paperboy.support;

import io.paperboy.mail.MailHealthChecks;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test of a {@link WebTest}: the shared relay ({@link TestSmtp}) and arXiv
 * ({@link TestHttpServers}) forget what earlier tests scripted and received, and the application
 * forgets its last check of the relay's health (kept 30 s by a clock that tests set back), so each
 * test sees the servers, and the relay's health, as new.
 */
public class ResetServers implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		TestSmtp.relay().reset();
		TestHttpServers.arxiv().reset();
		MailHealthChecks.forget(SpringExtension.getApplicationContext(context));
	}

}
