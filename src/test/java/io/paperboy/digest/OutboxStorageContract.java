package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest outbox on every database Paperboy supports: queueing, claiming, leases, bounces. */
@StorageTest
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
	void aPeriodIsQueuedOnceAndItsCompositionComesBackWithItsMessageId() {
		long id = subscriber();
		Composition composition = new Composition(NOW.minus(Duration.ofDays(1)), NOW, LocalDate.of(2025, 6, 2),
				List.of(new Composition.Item("2506.00001", 57, "trending: +57 votes today"),
						new Composition.Item("2506.00002", 3, "matches: graph\tneural\nnetworks")));
		String email = this.subscriptions.find(id).orElseThrow().email();

		assertThat(this.outbox.enqueue(id, "2025-06-02", email, composition, "<one@papers.example.org>", NOW)).isTrue();
		assertThat(this.outbox.enqueue(id, "2025-06-02", email, composition, "<two@papers.example.org>", NOW)).isFalse();

		List<OutboxMessage> claimed = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE));
		assertThat(claimed).hasSize(1);
		OutboxMessage row = claimed.get(0);
		assertThat(row.messageId()).isEqualTo("<one@papers.example.org>");
		assertThat(row.message()).isNull();
		assertThat(Composition.parse(row.composition())).isEqualTo(new Composition(composition.since(), NOW,
				composition.day(), List.of(composition.items().get(0),
						new Composition.Item("2506.00002", 3, "matches: graph neural networks"))));
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.firstAttemptAt()).isEqualTo(NOW);
		assertThat(this.subscriptions.sentPapers(id, NOW.minus(Duration.ofDays(15))))
			.containsExactlyInAnyOrder("2506.00001", "2506.00002");
		assertThat(this.subscriptions.sentPapers(id, NOW)).as("only digests queued after the given time").isEmpty();
		assertThat(this.subscriptions.hasPeriod(id, "2025-06-02")).isTrue();
		assertThat(this.subscriptions.find(id).orElseThrow().lastSentAt()).isEqualTo(NOW);
	}

	@Test
	void aBatchWithAPeriodTakenAlreadyQueuesAllTheOthers() {
		long taken = subscriber();
		this.outbox.enqueue(taken, "2025-06-02", email(taken), nothing(), "<first@papers.example.org>", NOW);
		List<OutboxRepository.Queued> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long id = (i == 2) ? taken : subscriber();
			batch.add(new OutboxRepository.Queued(id, "2025-06-02", email(id), new Composition(NOW.minus(Duration.ofDays(1)),
					NOW, LocalDate.of(2025, 6, 2), List.of(new Composition.Item("2506.0000" + i, i, "trending"))),
					"<" + i + "@papers.example.org>"));
		}

		assertThat(this.outbox.enqueueAll(batch, NOW)).containsExactly(true, true, false, true, true);

		assertThat(this.outbox.countByState()).isEqualTo(Map.of("queued", 5L));
		assertThat(this.subscriptions.sentPapers(taken, Instant.EPOCH)).as("the taken period's papers are not recorded").isEmpty();
		assertThat(this.subscriptions.sentPapers(batch.get(4).subscriptionId(), Instant.EPOCH)).containsExactly("2506.00004");
		assertThat(this.outbox.claim("a", 10, NOW, NOW.minus(LEASE))).extracting(OutboxMessage::messageId)
			.containsExactly("<first@papers.example.org>", "<0@papers.example.org>", "<1@papers.example.org>",
					"<3@papers.example.org>", "<4@papers.example.org>");
	}

	@Test
	void aBlockOfSubscribersIsReadInOneGoAsEachAlone() {
		long twice = subscriber();
		long once = subscriber();
		long never = subscriber();
		this.outbox.enqueue(twice, "2025-06-01", email(twice), new Composition(NOW.minus(Duration.ofDays(2)),
				NOW.minus(Duration.ofDays(1)), LocalDate.of(2025, 6, 1), List.of(new Composition.Item("2506.00001", 1, "trending"))),
				"<a@papers.example.org>", NOW.minus(Duration.ofDays(1)));
		this.outbox.enqueue(twice, "2025-06-02", email(twice), new Composition(NOW.minus(Duration.ofDays(1)), NOW,
				LocalDate.of(2025, 6, 2), List.of(new Composition.Item("2506.00002", 1, "trending"))),
				"<b@papers.example.org>", NOW);
		this.outbox.enqueue(once, "2025-06-01", email(once), new Composition(NOW.minus(Duration.ofDays(2)),
				NOW.minus(Duration.ofDays(1)), LocalDate.of(2025, 6, 1), List.of(new Composition.Item("2506.00003", 1, "trending"))),
				"<c@papers.example.org>", NOW.minus(Duration.ofDays(1)));

		Map<Long, Set<String>> sent = this.subscriptions.sentPapers(List.of(twice, once, never), Instant.EPOCH);
		Map<Long, Set<String>> recent = this.subscriptions.sentPapers(List.of(twice, once, never), NOW.minus(Duration.ofHours(1)));
		Set<Long> taken = this.subscriptions.withPeriodTaken(Map.of(twice, "2025-06-02", once, "2025-06-02", never, "2025-06-01"));

		assertThat(sent).isEqualTo(Map.of(twice, Set.of("2506.00001", "2506.00002"), once, Set.of("2506.00003"), never, Set.of()));
		assertThat(recent).as("only digests queued after the given time")
			.isEqualTo(Map.of(twice, Set.of("2506.00002"), once, Set.of(), never, Set.of()));
		assertThat(taken).as("a period taken by another subscriber does not count").containsExactly(twice);
		assertThat(this.subscriptions.sentPapers(List.of(), Instant.EPOCH)).isEmpty();
		assertThat(this.subscriptions.withPeriodTaken(Map.of())).isEmpty();
	}

	@Test
	void aRowQueuedWithItsWholeMessageComesBackWhole() {
		long id = subscriber();
		String email = this.subscriptions.find(id).orElseThrow().email();
		this.jdbc.sql("""
				insert into digest_deliveries (subscription_id, period, state, paper_count, created_at)
				values (:id, '2025-06-02', 'queued', 1, :now)
				""").param("id", id).param("now", SubscriptionRepository.timestamp(NOW)).update();
		this.jdbc.sql("""
				insert into digest_outbox (subscription_id, period, recipient, subject, body_text, body_html, headers,
				    message_id, state, next_attempt_at, created_at)
				values (:id, '2025-06-02', :to, 'Trending papers', 'Papers', '<p>Papers</p>', :headers,
				    '<one@papers.example.org>', 'queued', :now, :now)
				""")
			.param("id", id)
			.param("to", email)
			.param("headers", "Message-ID: <one@papers.example.org>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n")
			.param("now", SubscriptionRepository.timestamp(NOW))
			.update();

		this.jdbc.sql("insert into digest_sent_papers (subscription_id, paper_id, sent_at) values (:id, '2506.00001', :now)")
			.param("id", id)
			.param("now", SubscriptionRepository.timestamp(NOW))
			.update();
		OutboxMessage row = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE)).get(0);

		assertThat(this.subscriptions.sentPapers(id, NOW)).as("papers recorded one by one still count")
			.containsExactly("2506.00001");
		assertThat(row.composition()).isNull();
		assertThat(row.message().to()).isEqualTo(email);
		assertThat(row.message().subject()).isEqualTo("Trending papers");
		assertThat(row.message().html()).isEqualTo("<p>Papers</p>");
		assertThat(row.message().headers()).containsEntry("Message-ID", "<one@papers.example.org>")
			.containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
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
		this.outbox.markSent(List.of(reclaimed.get(0)), afterTheLease);
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
						batch.forEach((row) -> claimed.add(row.id()));
						this.outbox.markSent(batch, NOW);
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
			this.outbox.enqueue(id, period, email(id), nothing(), "<" + day + "@papers.example.org>", NOW);
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

		this.outbox.enqueue(id, "2025-06-05", email(id), nothing(), "<5@papers.example.org>", NOW);
		OutboxMessage queuedBefore = this.outbox.claim("a", 10, NOW, NOW.minus(LEASE)).get(0);
		assertThat(queuedBefore.withdrawn()).isTrue();

		assertThat(this.subscriptions.lift(id)).isTrue();
		assertThat(this.subscriptions.lift(id)).isFalse();
		assertThat(this.subscriptions.suppressed()).isEmpty();
		assertThat(this.subscriptions.confirmed()).extracting(Subscription::id).contains(id);
	}

	private long queued() {
		long id = subscriber();
		this.outbox.enqueue(id, "2025-06-02", email(id), nothing(), "<" + id + "@papers.example.org>", NOW);
		return id;
	}

	private long subscriber() {
		String email = "reader" + (++this.someone) + "@example.org";
		long id = this.subscriptions.insertPending(email, Preferences.defaults(), null, NOW).orElseThrow();
		this.subscriptions.confirm(id, NOW);
		return id;
	}

	private String email(long id) {
		return this.subscriptions.find(id).orElseThrow().email();
	}

	private static Composition nothing() {
		return new Composition(NOW.minus(Duration.ofDays(1)), NOW, LocalDate.of(2025, 6, 2), List.of());
	}

}
