package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.paperboy.mail.MailMessage;
import io.paperboy.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest outbox on every database Paperboy supports: queueing, claiming, leases, bounces. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(MutableClock.Configuration.class)
abstract class OutboxStorageContract {

	private static final Instant NOW = MutableClock.Configuration.START;

	private static final Duration LEASE = Duration.ofMinutes(10);

	@Autowired
	OutboxRepository outbox;

	@Autowired
	SubscriptionRepository subscriptions;

	@Autowired
	JdbcClient jdbc;

	private int someone;

	@BeforeEach
	void noSubscriptions() {
		this.jdbc.sql("delete from digest_subscriptions").update();
	}

	@Test
	void aPeriodIsQueuedOnceAndItsMessageComesBackWholeWithItsMessageId() {
		long id = subscriber();
		MailMessage message = message(id);

		assertThat(this.outbox.enqueue(id, "2025-06-02", message, "<one@papers.example.org>", List.of("2506.00001"), NOW,
				NOW)).isTrue();
		assertThat(this.outbox.enqueue(id, "2025-06-02", message, "<two@papers.example.org>", List.of(), NOW, NOW))
			.isFalse();

		List<OutboxMessage> claimed = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE));
		assertThat(claimed).hasSize(1);
		OutboxMessage row = claimed.get(0);
		assertThat(row.message().to()).isEqualTo(message.to());
		assertThat(row.message().subject()).isEqualTo("Trending papers");
		assertThat(row.message().html()).isEqualTo("<p>Papers</p>");
		assertThat(row.message().headers()).containsEntry("Message-ID", "<one@papers.example.org>")
			.containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.firstAttemptAt()).isEqualTo(NOW);
		assertThat(this.subscriptions.sentPapers(id)).containsExactly("2506.00001");
		assertThat(this.subscriptions.hasPeriod(id, "2025-06-02")).isTrue();
	}

	@Test
	void aClaimedRowIsNobodyElsesUntilItsLeaseRunsOut() {
		long id = queued();

		assertThat(this.outbox.claim("a", 10, NOW, NOW.minus(LEASE))).hasSize(1);
		assertThat(this.outbox.claim("b", 10, NOW, NOW.minus(LEASE))).isEmpty();
		Instant later = NOW.plus(LEASE).minusSeconds(1);
		assertThat(this.outbox.claim("b", 10, later, later.minus(LEASE))).isEmpty();

		Instant afterTheLease = NOW.plus(LEASE).plusSeconds(1);
		List<OutboxMessage> reclaimed = this.outbox.claim("b", 10, afterTheLease, afterTheLease.minus(LEASE));
		assertThat(reclaimed).hasSize(1);
		assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
		assertThat(reclaimed.get(0).firstAttemptAt()).isEqualTo(NOW);
		this.outbox.markSent(reclaimed.get(0), afterTheLease);
		assertThat(this.outbox.state(id, "2025-06-02")).isEqualTo("sent");
		assertThat(this.subscriptions.countDeliveries(id)).isEqualTo(1);
		Instant muchLater = NOW.plus(Duration.ofDays(1));
		assertThat(this.outbox.claim("c", 10, muchLater, muchLater.minus(LEASE))).isEmpty();
	}

	@Test
	void aDeferredRowWaitsForItsNextAttempt() {
		long id = queued();
		OutboxMessage row = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE)).get(0);

		this.outbox.defer(row, "451 4.7.1 Try again later", NOW.plus(Duration.ofMinutes(1)));

		assertThat(this.outbox.state(id, "2025-06-02")).isEqualTo("deferred");
		Instant early = NOW.plusSeconds(59);
		assertThat(this.outbox.claim("a", 10, early, early.minus(LEASE))).isEmpty();
		Instant due = NOW.plusSeconds(60);
		assertThat(this.outbox.claim("a", 10, due, due.minus(LEASE))).hasSize(1);
	}

	@Test
	void fourSendersClaimingAtOnceNeverClaimTheSameRowAndLeaveNoneBehind() throws Exception {
		for (int i = 0; i < 200; i++) {
			queued();
		}
		List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int s = 0; s < 4; s++) {
				String sender = "sender-" + s;
				running.add(senders.submit(() -> {
					List<OutboxMessage> batch;
					while (!(batch = this.outbox.claim(sender, 7, NOW, NOW.minus(LEASE))).isEmpty()) {
						for (OutboxMessage row : batch) {
							claimed.add(row.id());
							this.outbox.markSent(row, NOW);
						}
					}
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			senders.shutdownNow();
		}
		Set<Long> distinct = new HashSet<>(claimed);
		assertThat(claimed).hasSize(200);
		assertThat(distinct).hasSize(200);
		assertThat(this.outbox.countByState()).isEqualTo(Map.of("sent", 200L));
	}

	@Test
	void theThirdHardBounceSuppressesTheAddressAndLiftingItStartsTheCountAgain() {
		long id = subscriber();
		for (int day = 2; day <= 4; day++) {
			String period = "2025-06-0" + day;
			this.outbox.enqueue(id, period, message(id), "<" + day + "@papers.example.org>", List.of(), NOW, NOW);
			OutboxMessage row = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE)).get(0);
			boolean suppressed = this.outbox.bounce(row, "550 5.1.1 No such user", 3, NOW);
			assertThat(suppressed).isEqualTo(day == 4);
			assertThat(this.outbox.state(id, period)).isEqualTo("failed");
		}
		assertThat(this.subscriptions.suppressed()).singleElement().satisfies((suppression) -> {
			assertThat(suppression.subscriptionId()).isEqualTo(id);
			assertThat(suppression.hardBounces()).isEqualTo(3);
			assertThat(suppression.lastBounce()).isEqualTo("550 5.1.1 No such user");
		});
		assertThat(this.subscriptions.confirmed()).extracting(Subscription::id).doesNotContain(id);

		this.outbox.enqueue(id, "2025-06-05", message(id), "<5@papers.example.org>", List.of(), NOW, NOW);
		OutboxMessage queuedBefore = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE)).get(0);
		assertThat(queuedBefore.withdrawn()).isTrue();

		assertThat(this.subscriptions.lift(id)).isTrue();
		assertThat(this.subscriptions.lift(id)).isFalse();
		assertThat(this.subscriptions.suppressed()).isEmpty();
		assertThat(this.subscriptions.confirmed()).extracting(Subscription::id).contains(id);
	}

	private long queued() {
		long id = subscriber();
		this.outbox.enqueue(id, "2025-06-02", message(id), "<" + id + "@papers.example.org>", List.of(), NOW, NOW);
		return id;
	}

	private long subscriber() {
		String email = "reader" + (++this.someone) + "@example.org";
		long id = this.subscriptions.insertPending(email, Preferences.defaults(), null, NOW).orElseThrow();
		this.subscriptions.confirm(id, NOW);
		return id;
	}

	private MailMessage message(long id) {
		String email = this.subscriptions.find(id).orElseThrow().email();
		return new MailMessage(email, "Trending papers", "Papers", "<p>Papers</p>",
				Map.of("List-Unsubscribe", "<https://papers.example.org/digest/unsubscribe/x>", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click"),
				MailMessage.Kind.BULK);
	}

}
