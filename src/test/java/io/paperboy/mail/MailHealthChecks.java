package io.paperboy.mail;

import org.springframework.context.ApplicationContext;

/**
 * The relay's health as the application last checked it, for tests that share an application
 * context: its clock goes back to the same start before each test, so a check an earlier test made
 * would otherwise still count as recent.
 */
public final class MailHealthChecks {

	private MailHealthChecks() {
	}

	/** The application asks the relay again at its next health check. */
	public static void forget(ApplicationContext context) {
		context.getBean(MailHealthIndicator.class).forget();
	}

}
