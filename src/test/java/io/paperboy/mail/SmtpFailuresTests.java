package io.paperboy.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures classified as Angus Mail reports them (its own exception types, chained as it chains
 * them); {@link SmtpFailureTests} gets the same failures from a relay.
 */
class SmtpFailuresTests {

	private static final MailMessage DIGEST = TestRelays.digestTo("reader@example.org");

	@Test
	void aRecipientRefusedWith5xxIsPermanentAndWith4xxIsNot() throws Exception {
		MailFailure gone = SmtpFailures.classify(DIGEST, refusedRecipient(550, "550 5.1.1 No such user"));
		MailFailure full = SmtpFailures.classify(DIGEST, refusedRecipient(452, "452 4.2.2 Mailbox full"));

		assertThat(gone.permanent()).isTrue();
		assertThat(gone.replyCode()).hasValue(550);
		assertThat(gone.getMessage()).contains("reader@example.org").contains("No such user");
		assertThat(full.permanent()).isFalse();
		assertThat(full.replyCode()).hasValue(452);
	}

	@Test
	void aMessageRefusedAfterItsDataIsPermanentOn5xx() throws Exception {
		MessagingException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Refused as spam", null, null,
				null, null);

		MailFailure failure = SmtpFailures.classify(DIGEST, refused);

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.replyCode()).hasValue(554);
	}

	@Test
	void ourSenderRefusedIsNeverTheRecipientsFault() throws Exception {
		MessagingException refused = new SMTPSenderFailedException(new InternetAddress("papers@papers.example.org"),
				"MAIL FROM", 550, "550 5.7.1 Sender not allowed");

		MailFailure failure = SmtpFailures.classify(DIGEST, refused);

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).hasValue(550);
		assertThat(failure.getMessage()).contains("sender");
	}

	@Test
	void aReplyCodeChainedUnderAnotherFailureIsFound() throws Exception {
		SendFailedException wrapped = new SendFailedException("Invalid Addresses", refusedRecipient(550, "550 No such user"));

		MailFailure failure = SmtpFailures.classify(DIGEST, wrapped);

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.replyCode()).hasValue(550);
		assertThat(failure.getMessage()).contains("Invalid Addresses").contains("No such user");
	}

	@Test
	void aReplyOnlyQuotedInTheTextIsWorthRetryingWithItsCode() {
		MailFailure failure = SmtpFailures.classify(DIGEST,
				new MessagingException("Could not connect to SMTP host: 127.0.0.1, port: 25, response: 421"));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).hasValue(421);
	}

	@Test
	void aDroppedConnectionIsWorthRetryingAndHasNoReplyCode() {
		MailFailure failure = SmtpFailures.classify(DIGEST,
				new MessagingException("Exception reading response", new java.net.SocketException("Connection reset")));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.replyCode()).isEmpty();
		assertThat(failure.getMessage()).contains("Connection reset");
	}

	@Test
	void refusedCredentialsAreWorthRetryingOnceFixed() {
		MailFailure failure = SmtpFailures.credentialsRefused(new AuthenticationFailedException("535 5.7.8 Invalid"));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.getMessage()).contains("credentials");
	}

	@Test
	void aMessageThatCannotBeWrittenFailsForGood() {
		MailFailure failure = SmtpFailures.unwritable(DIGEST, new AddressException("Missing domain", "reader@"));

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.replyCode()).isEmpty();
	}

	private static SMTPAddressFailedException refusedRecipient(int code, String reply) throws AddressException {
		return new SMTPAddressFailedException(new InternetAddress("reader@example.org"), "RCPT TO", code, reply);
	}

}
