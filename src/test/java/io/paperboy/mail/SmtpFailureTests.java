package io.paperboy.mail;

import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each way a relay refuses a message is classified: worth retrying (4xx, a dropped or refused
 * connection) or not (5xx for the recipient or the message), with the reply code.
 */
class SmtpFailureTests {

	private final ScriptedSmtpServer relay = ScriptedSmtpServer.start();

	private final Mailer mailer = TestRelays.mailer(this.relay.port());

	@AfterEach
	void closeRelay() {
		this.relay.close();
	}

	@Test
	void aRecipientRefusedForGoodIsAPermanentFailureWithItsReplyCode() {
		this.relay.reply("RCPT TO:<gone@", "550 5.1.1 No such user here");

		MailFailure failure = failureSending("gone@example.org");

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.replyCode()).hasValue(550);
		assertThat(failure.getMessage()).contains("gone@example.org").contains("No such user");
		assertThat(this.relay.received()).isEmpty();
	}

	@Test
	void aRecipientRefusedForNowIsWorthRetrying() {
		this.relay.reply("RCPT TO:<full@", "451 4.2.2 Mailbox full, try later");

		MailFailure failure = failureSending("full@example.org");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).hasValue(451);
	}

	@Test
	void aBusyRelayThatGreetsWith421IsWorthRetrying() {
		this.relay.greeting("421 4.3.2 Too busy, come back later");

		MailFailure failure = failureSending("reader@example.org");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).hasValue(421);
	}

	@Test
	void aMessageRefusedAfterItsDataIsPermanentOn5xxAndTemporaryOn4xx() {
		this.relay.refuseMessageTo("spam@example.org", "554 5.7.1 Message refused as spam");
		this.relay.refuseMessageTo("later@example.org", "451 4.3.0 Local error in processing");

		MailFailure refused = failureSending("spam@example.org");
		MailFailure deferred = failureSending("later@example.org");

		assertThat(refused.permanent()).isTrue();
		assertThat(refused.replyCode()).hasValue(554);
		assertThat(deferred.permanent()).isFalse();
		assertThat(deferred.replyCode()).hasValue(451);
	}

	@Test
	void aConnectionDroppedInTheMiddleOfAMessageIsWorthRetryingAndHasNoReplyCode() {
		this.relay.dropMessageTo("reader@example.org");

		MailFailure failure = failureSending("reader@example.org");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).isEmpty();
		assertThat(this.relay.received()).isEmpty();
	}

	@Test
	void ourSenderAddressRefusedIsNotCountedAgainstTheRecipient() {
		this.relay.reply("MAIL FROM:", "550 5.7.1 Sender not allowed to relay");

		MailFailure failure = failureSending("reader@example.org");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).hasValue(550);
		assertThat(failure.getMessage()).contains("sender");
	}

	@Test
	void credentialsTheRelayRefusesAreWorthRetryingOnceFixed() {
		this.relay.reply("EHLO", "250-scripted.example\r\n250 AUTH PLAIN LOGIN");
		this.relay.reply("AUTH", "535 5.7.8 Authentication credentials invalid");
		JavaMailSenderImpl sender = TestRelays.sender(this.relay.port());
		sender.setUsername("paperboy");
		sender.setPassword("wrong");
		sender.getJavaMailProperties().put("mail.smtp.auth", "true");
		Mailer withCredentials = TestRelays.mailer(sender, new MailProperties(TestRelays.FROM, null, null, null, null),
				null);

		MailFailure failure = assertThatExceptionOfType(MailFailure.class)
			.isThrownBy(() -> withCredentials.send(TestRelays.digestTo("reader@example.org")))
			.actual();

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.getMessage()).contains("credentials");
		assertThat(this.relay.received()).isEmpty();
	}

	@Test
	void aRelayThatIsNotListeningIsWorthRetrying() {
		this.relay.close();

		MailFailure failure = failureSending("reader@example.org");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).isEmpty();
	}

	@Test
	void aMalformedRecipientIsPermanentAndNeverReachesTheRelay() {
		MailFailure failure = failureSending("not an address");

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.replyCode()).isEmpty();
		assertThat(this.relay.commands()).isEmpty();
	}

	private MailFailure failureSending(String to) {
		return assertThatExceptionOfType(MailFailure.class)
			.isThrownBy(() -> this.mailer.send(TestRelays.digestTo(to)))
			.actual();
	}

}
