package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedSmtpServer;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.support.Operators.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Digests through a relay that misbehaves on cue ({@link ScriptedSmtpServer}): refusals for now are
 * retried, waiting longer each time, and given up after {@code paperboy.mail.retry-for}; refusals
 * for good count as hard bounces and suppress the address after three; a relay that is down for an
 * hour delays digests and loses none. Digests are sent even with nothing new, so that every
 * subscriber has one.
 */
@WebTest
class DigestDeliveryTests {

	private static final ScriptedSmtpServer relay = TestSmtp.relay();

	private static final String WILLING = "220 scripted.example ESMTP";

	@Autowired
	private MutableClock clock;

	@Autowired
	private DigestRuns runs;

	@Autowired
	private DigestSender sender;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Autowired
	private OutboxRepository outbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	@Qualifier("mailHealthIndicator")
	private HealthIndicator mailHealth;

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void freshStart() {
		this.clock.set(MutableClock.Configuration.START);
		this.jdbc.sql("delete from digest_subscriptions").update();
		relay.greeting(WILLING);
	}

	@Test
	void aRefusalForNowIsRetriedAfterOneTwoFourMinutesUpToAnHourAndGivenUpAfterADay() {
		long id = subscriber("later@example.org");
		relay.reply("RCPT TO:<later@", "451 4.7.1 Try again later");

		DigestRuns.RunReport first = this.runs.run(true);
		assertThat(first.composed()).isEqualTo(1);
		assertThat(first.deferred()).isEqualTo(1);
		assertThat(first.sent()).isZero();

		List<Long> waits = new ArrayList<>();
		Instant start = this.clock.instant();
		while ("deferred".equals(state(id))) {
			Instant next = nextAttempt(id);
			waits.add(Duration.between(this.clock.instant(), next).toMinutes());
			this.clock.set(next.minusSeconds(1));
			assertThat(this.sender.drain().deferred.get()).as("not yet due").isZero();
			this.clock.set(next);
			this.sender.drain();
		}

		assertThat(waits).startsWith(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
		assertThat(waits).allMatch((wait) -> wait <= 60);
		assertThat(state(id)).isEqualTo("failed");
		assertThat(this.clock.instant()).isEqualTo(start.plus(Duration.ofHours(24)));
		assertThat(lastError(id)).contains("451");
		assertThat(rcptTo("later@")).isEqualTo(waits.size() + 1);
		assertThat(relay.received()).noneMatch((message) -> message.recipients().contains("later@example.org"));
		assertThat(this.subscriptions.suppressed()).isEmpty();
	}

	@Test
	void aRecipientRefusedForGoodThreeTimesIsSuppressedUntilAnAdminLiftsIt() throws Exception {
		long id = subscriber("gone@example.org");
		relay.reply("RCPT TO:<gone@", "550 5.1.1 No such user");

		for (int day = 0; day < 3; day++) {
			DigestRuns.RunReport report = this.runs.run(true);
			assertThat(report.failed()).isEqualTo(1);
			assertThat(report.deferred()).isZero();
			this.clock.advance(Duration.ofDays(1));
		}
		assertThat(this.subscriptions.suppressed()).singleElement().satisfies((suppression) -> {
			assertThat(suppression.email()).isEqualTo("gone@example.org");
			assertThat(suppression.hardBounces()).isEqualTo(3);
		});
		assertThat(this.runs.run(true).due()).isZero();
		assertThat(rcptTo("gone@")).isEqualTo(3);

		this.mvc.perform(get("/admin/digests").with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("gone@example.org")))
			.andExpect(content().string(containsString("/admin/digests/suppressions/" + id + "/lift")));
		this.mvc.perform(post("/admin/digests/suppressions/" + id + "/lift").with(csrf())).andExpect(status().isNotFound());
		assertThat(this.subscriptions.suppressed()).hasSize(1);
		this.mvc.perform(post("/admin/digests/suppressions/" + id + "/lift").with(operator()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/digests/suppressions/" + id + "/lift").with(operator()))
			.andExpect(status().isNotFound());

		assertThat(this.subscriptions.suppressed()).isEmpty();
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.runs.run(true).due()).isEqualTo(1);
		assertThat(rcptTo("gone@")).isEqualTo(4);
	}

	@Test
	void aRelayDownForAnHourDelaysEveryDigestLosesNoneAndOnlyDegradesHealth() {
		List<String> addresses = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			addresses.add("patient" + i + "@example.org");
			subscriber(addresses.get(i - 1));
		}
		relay.greeting("421 4.3.2 Service not available");

		DigestRuns.RunReport report = this.runs.run(true);
		assertThat(report.composed()).isEqualTo(5);
		assertThat(report.deferred()).isEqualTo(5);
		assertThat(this.mailHealth.health().getStatus().getCode()).isEqualTo("DEGRADED");

		Instant back = this.clock.instant().plus(Duration.ofHours(1));
		while (this.clock.instant().isBefore(back)) {
			this.clock.advance(Duration.ofMinutes(1));
			this.sender.drain();
		}
		assertThat(this.jdbc.sql("select count(*) from digest_outbox where state = 'deferred'").query(Long.class).single())
			.isEqualTo(5);

		relay.greeting(WILLING);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.sender.drain().sent.get()).isEqualTo(5);
		assertThat(this.mailHealth.health().getStatus().getCode()).isEqualTo("UP");
		for (String address : addresses) {
			assertThat(relay.received()).filteredOn((message) -> message.recipients().contains(address)).hasSize(1);
		}
		assertThat(this.sender.drain().sent.get()).isZero();
	}

	@Test
	void everyDigestOffersOneClickUnsubscribeAndIsMarkedAsBulk() throws Exception {
		subscriber("headers@example.org");

		assertThat(this.runs.run(true).sent()).isEqualTo(1);

		String message = relay.received()
			.stream()
			.filter((received) -> received.recipients().contains("headers@example.org"))
			.findFirst()
			.orElseThrow()
			.text();
		assertThat(message).contains("List-Unsubscribe: <https://papers.example.org/digest/unsubscribe/")
			.contains(", <mailto:unsubscribe@papers.example.org?subject=unsubscribe>")
			.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
			.contains("Precedence: bulk")
			.contains("List-Id: ");
		String link = message.substring(message.indexOf("https://papers.example.org/digest/unsubscribe/"));
		String path = link.substring("https://papers.example.org".length(), link.indexOf('>'));

		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Press the button")));
		assertThat(this.subscriptions.findByEmail("headers@example.org").orElseThrow().status())
			.isEqualTo(Status.CONFIRMED);
		this.mvc.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(this.subscriptions.findByEmail("headers@example.org").orElseThrow().status())
			.isEqualTo(Status.UNSUBSCRIBED);
	}

	@Test
	void aRunOfMoreDigestsThanOneTransactionQueuesEachOnceAndATakenPeriodStopsOnlyItsOwn() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 1_001; i++) {
			ids.add(subscriber("block-" + i + "@example.org"));
		}
		// a period taken before the run, in the second transaction's share: that transaction falls
		// back to one digest at a time, and the other 499 of it still go
		long taken = ids.get(700);
		Subscription takenSubscription = this.subscriptions.findAll(List.of(taken)).get(taken);
		Composition nothing = new Composition(this.clock.instant().minus(Duration.ofDays(1)), this.clock.instant(),
				java.time.LocalDate.of(2025, 6, 2), List.of());
		assertThat(this.outbox.enqueue(taken, DigestRuns.period(takenSubscription, this.clock.instant()),
				"block-700@example.org", nothing, "<taken@papers.example.org>", this.clock.instant()))
			.isTrue();

		DigestRuns.RunReport first = this.runs.run(true);
		assertThat(first.composed()).isEqualTo(1_000);
		assertThat(first.alreadySent()).isEqualTo(1);
		assertThat(first.sent()).isEqualTo(1_001);
		assertThat(first.failed()).isZero();
		assertThat(this.jdbc.sql("select count(*) from digest_outbox where state = 'sent' and recipient like 'block-%'")
			.query(Long.class)
			.single()).isEqualTo(1_001);
		assertThat(relay.received().stream()
			.flatMap((message) -> message.recipients().stream())
			.filter((recipient) -> recipient.startsWith("block-"))
			.toList()).hasSize(1_001).doesNotHaveDuplicates();
		assertThat(relay.received()).filteredOn((message) -> message.recipients().contains("block-700@example.org"))
			.singleElement()
			.satisfies((message) -> assertThat(message.text()).contains("Message-ID: <taken@papers.example.org>"));

		DigestRuns.RunReport again = this.runs.run(true);
		assertThat(again.composed()).isZero();
		assertThat(again.alreadySent()).isEqualTo(1_001);
		assertThat(again.sent()).isZero();
	}

	@Test
	void anUnreadableCompositionIsGivenUpWithItsReasonAndTheRestStillGo() {
		long broken = subscriber("broken@example.org");
		long fine = subscriber("fine@example.org");
		Composition nothing = new Composition(this.clock.instant().minus(Duration.ofDays(1)), this.clock.instant(),
				java.time.LocalDate.of(2025, 6, 2), List.of());
		this.outbox.enqueue(broken, "2025-06-02", "broken@example.org", nothing, "<broken@papers.example.org>",
				this.clock.instant());
		this.outbox.enqueue(fine, "2025-06-02", "fine@example.org", nothing, "<fine@papers.example.org>",
				this.clock.instant());
		this.jdbc.sql("update digest_outbox set composition = 'Trending papers' where subscription_id = :id")
			.param("id", broken)
			.update();

		DigestSender.Tally tally = this.sender.drain();

		assertThat(tally.sent.get()).isEqualTo(1);
		assertThat(tally.failed.get()).isEqualTo(1);
		assertThat(state(broken)).isEqualTo("failed");
		assertThat(lastError(broken)).startsWith("Could not write the digest: Not a digest composition");
		assertThat(state(fine)).isEqualTo("sent");
		assertThat(relay.received()).filteredOn((message) -> message.recipients().contains("fine@example.org"))
			.singleElement()
			.satisfies((message) -> assertThat(message.text()).contains("Message-ID: <fine@papers.example.org>"));
	}

	@Test
	void aDigestQueuedWithItsWholeMessageIsSentAsItWasQueued() {
		long id = subscriber("whole@example.org");
		this.jdbc.sql("""
				insert into digest_outbox (subscription_id, period, recipient, subject, body_text, body_html, headers,
				    message_id, state, next_attempt_at, created_at)
				values (:id, '2025-06-02', 'whole@example.org', 'Trending papers, as queued', 'Queued text', null, :headers,
				    '<whole@papers.example.org>', 'queued', :now, :now)
				""")
			.param("id", id)
			.param("headers", "Message-ID: <whole@papers.example.org>\n")
			.param("now", SubscriptionRepository.timestamp(this.clock.instant()))
			.update();

		assertThat(this.sender.drain().sent.get()).isEqualTo(1);

		assertThat(relay.received()).filteredOn((message) -> message.recipients().contains("whole@example.org"))
			.singleElement()
			.satisfies((message) -> assertThat(message.text()).contains("Subject: Trending papers, as queued")
				.contains("Message-ID: <whole@papers.example.org>")
				.contains("Queued text"));
	}

	@Test
	void runsAreRecordedAndCountedInMetrics() throws Exception {
		subscriber("counted@example.org");
		double sentBefore = this.meters.counter("paperboy.digest.messages", "outcome", "sent").count();
		long runsBefore = this.meters.timer("paperboy.digest.run").count();

		this.runs.run(true);

		assertThat(this.meters.counter("paperboy.digest.messages", "outcome", "sent").count()).isEqualTo(sentBefore + 1);
		assertThat(this.meters.timer("paperboy.digest.run").count()).isEqualTo(runsBefore + 1);
		this.mvc.perform(get("/actuator/prometheus").with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("paperboy_digest_messages_total{outcome=\"sent\"")))
			.andExpect(content().string(containsString("paperboy_digest_run_seconds_count")));
		this.mvc.perform(get("/admin/digests").with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2>Runs</h2>")))
			.andExpect(content().string(containsString(MutableClock.Configuration.START.toString())));
	}

	private long subscriber(String email) {
		long id = this.subscriptions.insertPending(email, Preferences.defaults(), null, this.clock.instant()).orElseThrow();
		this.subscriptions.confirm(id, this.clock.instant());
		return id;
	}

	private String state(long id) {
		return this.jdbc.sql("select state from digest_outbox where subscription_id = :id").param("id", id)
			.query(String.class)
			.single();
	}

	private String lastError(long id) {
		return this.jdbc.sql("select last_error from digest_outbox where subscription_id = :id").param("id", id)
			.query(String.class)
			.single();
	}

	private Instant nextAttempt(long id) {
		return this.jdbc.sql("select next_attempt_at from digest_outbox where subscription_id = :id")
			.param("id", id)
			.query((rs, row) -> SubscriptionRepository.instant(rs, "next_attempt_at"))
			.single();
	}

	private long rcptTo(String start) {
		return relay.commands().stream().filter((command) -> command.toUpperCase().startsWith("RCPT TO:<" + start.toUpperCase()))
			.count();
	}

}
