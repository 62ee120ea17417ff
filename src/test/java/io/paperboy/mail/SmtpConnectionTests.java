package io.paperboy.mail;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.List;

import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One connection to the relay, opened when a message needs it and kept from one batch to the next. */
class SmtpConnectionTests {

	private final ScriptedSmtpServer relay = ScriptedSmtpServer.start();

	private final SmtpDelivery delivery = new SmtpDelivery(TestRelays.sender(this.relay.port()),
			new MailProperties(TestRelays.FROM, null, null, null, null), null, Clock.systemUTC());

	private final OutgoingHeaders headers = new OutgoingHeaders("papers.example.org", null);

	@AfterEach
	void closeRelay() {
		this.relay.close();
	}

	@Test
	void theConnectionIsOpenedByTheFirstMessageAndKeptForTheNextBatchUntilClosed() {
		try (SmtpConnection connection = this.delivery.open()) {
			assertThat(connection.isOpen()).isFalse();

			assertThat(connection.sendAll(List.of(digestTo("a@example.org"), digestTo("b@example.org"))))
				.allSatisfy((outcome) -> assertThat(outcome.accepted()).isTrue());
			assertThat(connection.isOpen()).isTrue();
			assertThat(connection.sendAll(List.of(digestTo("c@example.org"))))
				.allSatisfy((outcome) -> assertThat(outcome.accepted()).isTrue());

			connection.close();
			assertThat(connection.isOpen()).isFalse();
		}
		assertThat(this.relay.connections()).isEqualTo(1);
		assertThat(this.relay.received()).hasSize(3);
	}

	@Test
	void aBatchOfMessagesThatCannotBeWrittenOpensNoConnection() {
		try (SmtpConnection connection = this.delivery.open()) {
			List<MailOutcome> outcomes = connection.sendAll(List.of(digestTo("not an address")));

			assertThat(outcomes.get(0).failure().permanent()).isTrue();
			assertThat(connection.isOpen()).isFalse();
		}
		assertThat(this.relay.connections()).isZero();
	}

	@Test
	void aConnectionDroppedDuringAMessageIsOpenedAgainForTheNextOne() {
		this.relay.dropMessageTo("dropped@example.org");

		try (SmtpConnection connection = this.delivery.open()) {
			List<MailOutcome> outcomes = connection.sendAll(
					List.of(digestTo("dropped@example.org"), digestTo("next@example.org")));

			assertThat(outcomes).extracting(MailOutcome::accepted).containsExactly(false, true);
			assertThat(outcomes.get(0).failure().permanent()).isFalse();
		}
		assertThat(this.relay.connections()).isEqualTo(2);
		assertThat(this.relay.received()).flatExtracting(ScriptedSmtpServer.Received::recipients)
			.containsExactly("next@example.org");
	}

	@Test
	void aRelayOutOfReachFailsEveryMessageOfTheBatchAsWorthRetrying() {
		this.relay.close();

		try (SmtpConnection connection = this.delivery.open()) {
			List<MailOutcome> outcomes = connection.sendAll(
					List.of(digestTo("a@example.org"), digestTo("b@example.org")));

			assertThat(outcomes).allSatisfy((outcome) -> {
				assertThat(outcome.accepted()).isFalse();
				assertThat(outcome.failure().permanent()).isFalse();
			});
			assertThat(connection.isOpen()).isFalse();
		}
	}

	@Test
	void theCallersContextClassLoaderIsPutBackAfterABatch() throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		try (URLClassLoader callers = new URLClassLoader(new URL[0], null);
				SmtpConnection connection = this.delivery.open()) {
			thread.setContextClassLoader(callers);

			List<MailOutcome> outcomes = connection.sendAll(List.of(digestTo("a@example.org")));

			assertThat(outcomes.get(0).accepted()).isTrue();
			assertThat(thread.getContextClassLoader()).isSameAs(callers);
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	/** A digest with its headers complete, as {@link Mailer} hands it over. */
	private MailMessage digestTo(String to) {
		return this.headers.complete(TestRelays.digestTo(to));
	}

}
