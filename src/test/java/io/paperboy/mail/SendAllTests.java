package io.paperboy.mail;

import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch goes over one connection, and each message has its own outcome. */
class SendAllTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

	@Test
	void everyMessageOfABatchArrivesWithItsOwnMessageId() {
		List<MailMessage> digests = IntStream.range(0, 25).mapToObj((i) -> TestRelays.digestTo("reader" + i + "@example.org")).toList();

		List<MailOutcome> outcomes = TestRelays.mailer(greenMail.getSmtp().getPort()).sendAll(digests);

		assertThat(outcomes).hasSize(25).allSatisfy((outcome) -> assertThat(outcome.accepted()).isTrue());
		assertThat(outcomes).extracting(MailOutcome::messageId).doesNotHaveDuplicates();
		assertThat(greenMail.getReceivedMessages()).hasSize(25);
		assertThat(greenMail.getReceivedMessagesForDomain("example.org")).hasSize(25);
	}

	@Test
	void aBatchUsesOneConnectionAndOneRefusedRecipientFailsAloneInItsPlace() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			relay.reply("RCPT TO:<gone@", "550 5.1.1 No such user");

			List<MailOutcome> outcomes = TestRelays.mailer(relay.port())
				.sendAll(List.of(TestRelays.digestTo("first@example.org"), TestRelays.digestTo("gone@example.org"),
						TestRelays.digestTo("third@example.org")));

			assertThat(outcomes).extracting(MailOutcome::accepted).containsExactly(true, false, true);
			assertThat(outcomes.get(1).failure().permanent()).isTrue();
			assertThat(outcomes.get(1).failure().replyCode()).hasValue(550);
			assertThat(outcomes.get(1).message().to()).isEqualTo("gone@example.org");
			assertThat(relay.received()).flatExtracting(ScriptedSmtpServer.Received::recipients)
				.containsExactly("first@example.org", "third@example.org");
			assertThat(relay.connections()).isEqualTo(1);
		}
	}

	@Test
	void batchesOverAMailConnectionShareOneConnectionUntilItIsClosed() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			Mailer mailer = TestRelays.mailer(relay.port());

			try (MailConnection connection = mailer.connection()) {
				for (int batch = 0; batch < 3; batch++) {
					List<MailOutcome> outcomes = connection.sendAll(List.of(TestRelays.digestTo("a" + batch + "@example.org"),
							TestRelays.digestTo("b" + batch + "@example.org")));
					assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.accepted()).isTrue());
				}
				assertThat(relay.connections()).isEqualTo(1);
			}
			try (MailConnection connection = mailer.connection()) {
				assertThat(connection.sendAll(List.of(TestRelays.digestTo("c@example.org"))).get(0).accepted()).isTrue();
			}

			assertThat(relay.connections()).isEqualTo(2);
			assertThat(relay.received()).hasSize(7);
			assertThat(relay.commands()).filteredOn((command) -> command.startsWith("QUIT")).hasSize(2);
		}
	}

	@Test
	void aConnectionDroppedInOneBatchIsOpenedAgainForTheNext() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			relay.dropMessageTo("dropped@example.org");

			try (MailConnection connection = TestRelays.mailer(relay.port()).connection()) {
				List<MailOutcome> first = connection.sendAll(List.of(TestRelays.digestTo("dropped@example.org")));
				List<MailOutcome> second = connection.sendAll(List.of(TestRelays.digestTo("next@example.org")));

				assertThat(first.get(0).accepted()).isFalse();
				assertThat(first.get(0).failure().permanent()).isFalse();
				assertThat(second.get(0).accepted()).isTrue();
			}
			assertThat(relay.connections()).isEqualTo(2);
			assertThat(relay.received()).flatExtracting(ScriptedSmtpServer.Received::recipients)
				.containsExactly("next@example.org");
		}
	}

	@Test
	void aConnectionDroppedInABatchFailsThatMessageForNowAndTheRestGoOverANewOne() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			relay.dropMessageTo("second@example.org");

			List<MailOutcome> outcomes = TestRelays.mailer(relay.port())
				.sendAll(List.of(TestRelays.digestTo("first@example.org"), TestRelays.digestTo("second@example.org"),
						TestRelays.digestTo("third@example.org")));

			assertThat(outcomes).extracting(MailOutcome::accepted).containsExactly(true, false, true);
			assertThat(outcomes.get(1).failure().permanent()).isFalse();
			assertThat(relay.received()).flatExtracting(ScriptedSmtpServer.Received::recipients)
				.containsExactly("first@example.org", "third@example.org");
			assertThat(relay.connections()).isEqualTo(2);
		}
	}

	@Test
	void aMalformedAddressInABatchFailsAloneAndTheOthersAreSent() {
		try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()) {
			List<MailOutcome> outcomes = TestRelays.mailer(relay.port())
				.sendAll(List.of(TestRelays.digestTo("first@example.org"), TestRelays.digestTo("two words@"),
						TestRelays.digestTo("third@example.org")));

			assertThat(outcomes).extracting(MailOutcome::accepted).containsExactly(true, false, true);
			assertThat(outcomes.get(1).failure().permanent()).isTrue();
			assertThat(relay.received()).hasSize(2);
		}
	}

	@Test
	void aRelayThatCannotBeReachedFailsTheWholeBatchForNow() {
		ScriptedSmtpServer closed = ScriptedSmtpServer.start();
		closed.close();

		List<MailOutcome> outcomes = TestRelays.mailer(closed.port())
			.sendAll(List.of(TestRelays.digestTo("first@example.org"), TestRelays.digestTo("second@example.org")));

		assertThat(outcomes).allSatisfy((outcome) -> {
			assertThat(outcome.accepted()).isFalse();
			assertThat(outcome.failure().permanent()).isFalse();
		});
	}

}
