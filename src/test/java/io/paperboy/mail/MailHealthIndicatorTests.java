package io.paperboy.mail;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperboy.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail health indicator: UP with a reachable relay, DEGRADED (never DOWN) without one. */
class MailHealthIndicatorTests {

	private final MutableClock clock = new MutableClock(MutableClock.Configuration.START);

	@Test
	void aRelayThatAnswersIsUpAndOneThatWentDownIsDegradedOnceTheLastCheckIsOld() {
		MailHealthIndicator indicator = checkedUpBeforeTheRelayWentDown();

		assertThat(indicator.health().getStatus()).as("checked moments ago").isEqualTo(Status.UP);
		this.clock.advance(Duration.ofSeconds(31));
		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(MailHealthIndicator.DEGRADED);
		assertThat(health.getDetails()).containsKey("error").containsEntry("delivery", "SMTP");
	}

	@Test
	void aForgottenCheckIsMadeAgainAtOnce() {
		MailHealthIndicator indicator = checkedUpBeforeTheRelayWentDown();

		indicator.forget();

		assertThat(indicator.health().getStatus()).as("asked again, with the clock unchanged")
			.isEqualTo(MailHealthIndicator.DEGRADED);
	}

	@Test
	void withoutARelayMailIsKeptAndHealthIsUp() {
		Health health = new MailHealthIndicator(null, this.clock).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("delivery").toString()).contains("development outbox");
	}

	/** An indicator that found its relay up, and the relay gone since. */
	private MailHealthIndicator checkedUpBeforeTheRelayWentDown() {
		GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
		relay.start();
		MailHealthIndicator indicator = new MailHealthIndicator(TestRelays.sender(relay.getSmtp().getPort()), this.clock);
		try {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			relay.stop();
		}
		return indicator;
	}

}
