package io.paperboy.digest;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.mail.MailFailure;
import io.paperboy.mail.MailOutcome;
import io.paperboy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends digests from the outbox. {@code paperboy.digest.sender-threads} senders each claim
 * {@code batch-size} messages at a time, send them over one connection ({@link Mailer#sendAll}),
 * and mark each one: sent, deferred (refused for now: tried again later, waiting longer each
 * time), failed (refused for good, or for longer than {@code paperboy.mail.retry-for}), or
 * suppressed (its address was suppressed or unsubscribed since it was composed). A sender holds at
 * most one batch: nothing piles up in memory, whatever the outbox holds.
 *
 * <p>The one moment a message can go twice: the relay accepted a batch and the sender died before
 * it marked it. The rows stay claimed until their lease runs out, and are sent again, with the
 * same {@code Message-ID}. At most one batch per sender, and never more than once more.
 */
@Component
class DigestSender {

	private static final Logger logger = LoggerFactory.getLogger(DigestSender.class);

	/** The steps a test can stop a sender at, as a crash would. */
	enum Step {

		BEFORE_CLAIM, CLAIMED, ACCEPTED

	}

	/** Called at each step; a test throws from it to stop the sender there. */
	interface Checkpoint {

		void reached(Step step);

	}

	private final OutboxRepository outbox;

	private final Mailer mailer;

	private final DigestProperties properties;

	private final BulkMailProperties bulkMail;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	private final Object pace = new Object();

	private long nextSlot = System.nanoTime();

	private volatile Checkpoint checkpoint = (step) -> {
	};

	DigestSender(OutboxRepository outbox, Mailer mailer, DigestProperties properties, BulkMailProperties bulkMail, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.properties = properties;
		this.bulkMail = bulkMail;
		this.clock = clock;
		this.meters = meters;
	}

	void checkpoint(Checkpoint checkpoint) {
		this.checkpoint = (checkpoint != null) ? checkpoint : (step) -> {
		};
	}

	/** Sends everything claimable now, with the configured number of senders, and says how it went. */
	Tally drain() {
		Tally tally = new Tally();
		int threads = this.properties.senderThreads();
		ExecutorService senders = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "digest-sender");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String sender = this.node + "#" + i;
				running.add(senders.submit(() -> sendUntilEmpty(sender, tally)));
			}
			for (Future<?> future : running) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					logger.warn("A digest sender stopped: {}", ex.getCause().toString());
					tally.stopped.incrementAndGet();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			senders.shutdownNow();
		}
		return tally;
	}

	private void sendUntilEmpty(String sender, Tally tally) {
		while (!Thread.currentThread().isInterrupted()) {
			this.checkpoint.reached(Step.BEFORE_CLAIM);
			Instant now = this.clock.instant();
			List<OutboxMessage> batch = this.outbox.claim(sender, this.properties.batchSize(), now,
					now.minus(this.properties.lease()));
			if (batch.isEmpty()) {
				return;
			}
			this.checkpoint.reached(Step.CLAIMED);
			send(batch, tally);
		}
	}

	private void send(List<OutboxMessage> batch, Tally tally) {
		List<OutboxMessage> going = new ArrayList<>();
		for (OutboxMessage row : batch) {
			if (row.withdrawn()) {
				this.outbox.withdraw(row, this.clock.instant());
				count(tally.suppressed, "suppressed");
			}
			else {
				going.add(row);
			}
		}
		if (going.isEmpty()) {
			return;
		}
		awaitTurn(going.size());
		List<MailOutcome> outcomes = this.mailer.sendAll(going.stream().map(OutboxMessage::message).toList());
		this.checkpoint.reached(Step.ACCEPTED);
		for (int i = 0; i < going.size(); i++) {
			record(going.get(i), outcomes.get(i), tally);
		}
	}

	private void record(OutboxMessage row, MailOutcome outcome, Tally tally) {
		Instant now = this.clock.instant();
		if (outcome.accepted()) {
			this.outbox.markSent(row, now);
			count(tally.sent, "sent");
			return;
		}
		MailFailure failure = outcome.failure();
		String error = failure.getMessage();
		if (failure.permanent()) {
			boolean suppressed = this.outbox.bounce(row, error, this.bulkMail.suppressAfterBounces(), now);
			count(tally.failed, "bounced");
			if (suppressed) {
				logger.warn("Digest address of subscription {} suppressed after repeated hard bounces: {}",
						row.subscriptionId(), error);
			}
			return;
		}
		Instant first = (row.firstAttemptAt() != null) ? row.firstAttemptAt() : now;
		Instant next = this.bulkMail.nextAttempt(row.attempts(), first, now);
		if (next == null) {
			this.outbox.fail(row, error, now);
			count(tally.failed, "failed");
			logger.warn("Digest {} for subscription {} given up after {} attempts: {}", row.period(),
					row.subscriptionId(), row.attempts(), error);
		}
		else {
			this.outbox.defer(row, error, next);
			count(tally.deferred, "deferred");
		}
	}

	private void count(AtomicInteger tally, String outcome) {
		tally.incrementAndGet();
		this.meters.counter("paperboy.digest.messages", "outcome", outcome).increment();
	}

	/** Keeps to {@code paperboy.digest.send-rate} over all senders: each message has its own slot in time. */
	private void awaitTurn(int messages) {
		double rate = this.properties.sendRate();
		if (rate <= 0) {
			return;
		}
		long wait;
		synchronized (this.pace) {
			long now = System.nanoTime();
			long start = Math.max(this.nextSlot, now);
			this.nextSlot = start + (long) (messages * TimeUnit.SECONDS.toNanos(1) / rate);
			wait = start - now;
		}
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	/** What the senders did. */
	static final class Tally {

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger deferred = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		final AtomicInteger suppressed = new AtomicInteger();

		final AtomicInteger stopped = new AtomicInteger();

	}

}
