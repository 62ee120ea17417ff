package io.paperboy.mail;

import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A relay that cannot be reached: the message is not sent, and the failure says it may pass. The
 * tests' relay ({@link TestSmtp}) closes every connection before its greeting, as a relay that is
 * down behind its address does (a port that nothing listens on is {@code SendAllTests}' case).
 */
@WebTest
class SmtpRelayDownTests {

	@Autowired
	private Mailer mailer;

	@Autowired
	private DevMailbox outbox;

	@Test
	void aRelayThatCannotBeReachedIsAFailureWorthRetryingAndNothingIsKeptAsSent() {
		TestSmtp.relay().refuseConnections();

		assertThatExceptionOfType(MailFailure.class)
			.isThrownBy(() -> this.mailer.send(MailMessage.transactional("x@example.org", "Hi", "Text", null)))
			.satisfies((failure) -> assertThat(failure.permanent()).isFalse())
			.withMessageContaining("mail server");
		assertThat(this.outbox.to("x@example.org")).isEmpty();
		assertThat(TestSmtp.messages()).isEmpty();
		assertThat(TestSmtp.relay().refused()).as("connections the relay turned away").isPositive();
	}

}
