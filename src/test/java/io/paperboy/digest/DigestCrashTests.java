package io.paperboy.digest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hundred subscribers (ten batches), and senders that die at every step: after claiming a batch, after the
 * relay accepted a batch but before it was marked, before claiming. Each crash kills every sender
 * of the node, as a dead process would; each restart is a new drain of the outbox, and the last
 * comes after the lease of the dead senders' claims ran out. Counted at the relay, every
 * subscriber has their digest, and only the batch accepted before the crash could mark it came
 * twice, with the same {@code Message-ID}: one message per subscriber, to a mail program.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(MutableClock.Configuration.class)
class DigestCrashTests {

	private static final int SUBSCRIBERS = 200;

	private static final int BATCH = 20;

	private static final ScriptedSmtpServer relay = ScriptedSmtpServer.start();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", relay::port);
		registry.add("paperboy.digest.send-empty", () -> "true");
		registry.add("paperboy.digest.batch-size", () -> String.valueOf(BATCH));
		registry.add("paperboy.digest.sender-threads", () -> "2");
	}

	@AfterAll
	static void closeRelay() {
		relay.close();
	}

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

	@AfterEach
	void sendersLive() {
		this.sender.checkpoint(null);
	}

	@Test
	void sendersThatDieAtEveryStepLeaveEverySubscriberExactlyOneMessage() {
		this.clock.set(MutableClock.Configuration.START);
		this.jdbc.sql("delete from digest_subscriptions").update();
		for (int i = 0; i < SUBSCRIBERS; i++) {
			long id = this.subscriptions
				.insertPending("reader" + i + "@example.org", Preferences.defaults(), null, this.clock.instant())
				.orElseThrow();
			this.subscriptions.confirm(id, this.clock.instant());
		}

		// the node dies after claiming its third batch: everything was composed, two batches went
		crashFrom(DigestSender.Step.CLAIMED, 3);
		DigestRuns.RunReport first = this.runs.run(true);
		assertThat(first.composed()).isEqualTo(SUBSCRIBERS);
		assertThat(first.sent()).isLessThan(SUBSCRIBERS);

		// restarted, it dies after the relay accepted its third batch, before marking it
		crashFrom(DigestSender.Step.ACCEPTED, 3);
		this.sender.drain();

		// restarted, it dies before it claims anything
		crashFrom(DigestSender.Step.BEFORE_CLAIM, 1);
		assertThat(this.sender.drain().sent.get()).isZero();

		// restarted for good: it sends the rest, but not what the dead senders still hold
		this.sender.checkpoint(null);
		this.sender.drain();
		assertThat(this.outbox.countByState().get("sending")).isPositive();
		assertThat(this.runs.run(true).composed()).as("a rerun composes nothing again").isZero();

		// once their lease ran out, another sender takes the dead senders' claims
		this.clock.advance(Duration.ofMinutes(11));
		this.sender.drain();

		assertThat(this.outbox.countByState()).isEqualTo(Map.of("sent", (long) SUBSCRIBERS));
		Map<String, List<String>> messageIds = relay.received()
			.stream()
			.collect(Collectors.groupingBy((message) -> message.recipients().get(0),
					Collectors.mapping(DigestCrashTests::messageId, Collectors.toList())));
		assertThat(messageIds).hasSize(SUBSCRIBERS);
		Map<String, List<String>> twice = messageIds.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().size() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(twice).as("the batches accepted before the crash could mark them").isNotEmpty();
		assertThat(twice.size()).isLessThanOrEqualTo(2 * BATCH);
		assertThat(twice.values()).allMatch((ids) -> ids.size() == 2);
		assertThat(messageIds.values()).allMatch((ids) -> Set.copyOf(ids).size() == 1);
		assertThat(messageIds.values().stream().map((ids) -> ids.get(0)).collect(Collectors.toSet())).hasSize(SUBSCRIBERS);
	}

	private void crashFrom(DigestSender.Step step, int nth) {
		AtomicInteger reached = new AtomicInteger();
		this.sender.checkpoint((at) -> {
			if (at == step && reached.incrementAndGet() >= nth) {
				throw new IllegalStateException("The node died " + at);
			}
		});
	}

	private static String messageId(ScriptedSmtpServer.Received message) {
		return message.text()
			.lines()
			.filter((line) -> line.regionMatches(true, 0, "Message-ID: ", 0, 12))
			.map((line) -> line.substring(12).strip())
			.findFirst()
			.orElseThrow();
	}

}
