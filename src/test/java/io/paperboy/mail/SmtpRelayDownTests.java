package io.paperboy.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A relay that cannot be reached: the message is not sent, and the failure says it may pass. */
@SpringBootTest(properties = { "spring.main.web-application-type=none", "spring.mail.host=127.0.0.1",
		"spring.mail.port=9", "spring.mail.properties.mail.smtp.connectiontimeout=2000" })
class SmtpRelayDownTests {

	@Autowired
	private Mailer mailer;

	@Autowired
	private DevMailbox outbox;

	@Test
	void aRelayThatCannotBeReachedIsAFailureWorthRetryingAndNothingIsKeptAsSent() {
		assertThatExceptionOfType(MailFailure.class)
			.isThrownBy(() -> this.mailer.send(MailMessage.transactional("x@example.org", "Hi", "Text", null)))
			.satisfies((failure) -> assertThat(failure.permanent()).isFalse())
			.withMessageContaining("mail server");
		assertThat(this.outbox.to("x@example.org")).isEmpty();
	}

}
