package io.paperboy.digest;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperListing;
import io.paperboy.mail.MailConnection;
import io.paperboy.mail.MailFailure;
import io.paperboy.mail.MailMessage;
import io.paperboy.mail.MailOutcome;
import io.paperboy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends digests from the outbox. {@code paperboy.digest.sender-threads} senders each claim
 * {@code batch-size} messages at a time, send them over the sender's connection to the relay, kept
 * open from batch to batch ({@link Mailer#connection}), and mark each one: sent, deferred (refused
 * for now: tried again later, waiting longer each time), failed (refused for good, or for longer than {@code paperboy.mail.retry-for}), or
 * suppressed (its address was suppressed or unsubscribed since it was composed). A sender holds at
 * most one batch: nothing piles up in memory, whatever the outbox holds.
 *
 * <p>A batch the relay accepted is marked sent in the transaction that claims the sender's next
 * batch: one commit a batch. The one moment a message can go twice: the relay accepted a batch and
 * the sender died before that commit. The rows stay claimed until their lease runs out, and are
 * sent again, with the same {@code Message-ID}. At most one batch per sender, and never more than
 * once more.
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

	/** How long a sender that found nothing waits before it looks again while a run composes. */
	private static final long WAIT_FOR_COMPOSING = TimeUnit.MILLISECONDS.toNanos(10);

	private final OutboxRepository outbox;

	private final SubscriptionRepository subscriptions;

	private final DigestMessages messages;

	private final Catalog catalog;

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

	DigestSender(OutboxRepository outbox, SubscriptionRepository subscriptions, DigestMessages messages, Catalog catalog,
			Mailer mailer, DigestProperties properties, BulkMailProperties bulkMail, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.catalog = catalog;
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
		return start().finish();
	}

	/**
	 * Starts the senders now, while a run is still composing: they send what is queued as it is
	 * queued, and wait for more until {@link Sending#finish()} says composing is over.
	 */
	Sending start() {
		return new Sending();
	}

	/** Senders at work; {@link #finish()} waits for them. */
	final class Sending {

		private final Tally tally = new Tally();

		private final Listings listings = new Listings();

		private final DigestMessages.Shared shared = new DigestMessages.Shared();

		private final ExecutorService senders;

		private final List<Future<?>> running = new ArrayList<>();

		private volatile boolean composing = true;

		private Sending() {
			int threads = DigestSender.this.properties.senderThreads();
			this.senders = Executors.newFixedThreadPool(threads, (task) -> {
				Thread thread = new Thread(task, "digest-sender");
				thread.setDaemon(true);
				return thread;
			});
			for (int i = 0; i < threads; i++) {
				String sender = DigestSender.this.node + "#" + i;
				this.running.add(this.senders.submit(() -> sendUntilEmpty(sender, this)));
			}
		}

		/** Nothing more is queued: the senders stop once the outbox has nothing claimable. */
		Tally finish() {
			this.composing = false;
			try {
				for (Future<?> future : this.running) {
					try {
						future.get();
					}
					catch (ExecutionException ex) {
						logger.warn("A digest sender stopped: {}", ex.getCause().toString());
						this.tally.stopped.incrementAndGet();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.senders.shutdownNow();
			}
			return this.tally;
		}

	}

	private void sendUntilEmpty(String sender, Sending sending) {
		// what the relay accepted of the last batch: marked sent with the next claim, in its transaction
		List<OutboxMessage> accepted = List.of();
		// one connection to the relay for all of this sender's batches
		try (MailConnection connection = this.mailer.connection()) {
			while (!Thread.currentThread().isInterrupted()) {
				// read before claiming: a row queued before composing ended is then claimed by this claim or an earlier one
				boolean last = !sending.composing;
				this.checkpoint.reached(Step.BEFORE_CLAIM);
				Instant now = this.clock.instant();
				List<OutboxMessage> batch = this.outbox.markSentAndClaim(accepted, sender, this.properties.batchSize(), now,
						now.minus(this.properties.lease()));
				accepted.forEach((row) -> count(sending.tally.sent, "sent"));
				accepted = List.of();
				if (batch.isEmpty()) {
					if (last) {
						return;
					}
					LockSupport.parkNanos(WAIT_FOR_COMPOSING);
					continue;
				}
				this.checkpoint.reached(Step.CLAIMED);
				accepted = send(batch, sending, connection);
			}
			// interrupted: what was accepted is marked before the sender stops
			this.outbox.markSent(accepted, this.clock.instant());
			accepted.forEach((row) -> count(sending.tally.sent, "sent"));
		}
	}

	/**
	 * Writes and sends a claimed batch, and records every message the relay did not accept.
	 * @return the rows the relay accepted, to be marked sent
	 */
	private List<OutboxMessage> send(List<OutboxMessage> batch, Sending sending, MailConnection connection) {
		Tally tally = sending.tally;
		List<OutboxMessage> going = new ArrayList<>();
		List<MailMessage> messages = new ArrayList<>();
		Map<Long, Subscription> subscribers = this.subscriptions.findAll(batch.stream()
			.filter((row) -> row.composition() != null)
			.map(OutboxMessage::subscriptionId)
			.toList());
		for (OutboxMessage row : batch) {
			Subscription subscriber = subscribers.get(row.subscriptionId());
			if (row.withdrawn() || (row.composition() != null && subscriber == null)) {
				this.outbox.withdraw(row, this.clock.instant());
				count(tally.suppressed, "suppressed");
				continue;
			}
			try {
				messages.add((row.message() != null) ? row.message() : write(row, subscriber, sending));
				going.add(row);
			}
			catch (IllegalArgumentException ex) {
				this.outbox.fail(row, "Could not write the digest: " + ex.getMessage(), this.clock.instant());
				count(tally.failed, "failed");
				logger.warn("Digest {} for subscription {} could not be written: {}", row.period(), row.subscriptionId(),
						ex.getMessage());
			}
		}
		if (going.isEmpty()) {
			return List.of();
		}
		awaitTurn(going.size());
		List<MailOutcome> outcomes = connection.sendAll(messages);
		this.checkpoint.reached(Step.ACCEPTED);
		List<OutboxMessage> accepted = new ArrayList<>();
		for (int i = 0; i < going.size(); i++) {
			if (outcomes.get(i).accepted()) {
				accepted.add(going.get(i));
			}
			else {
				record(going.get(i), outcomes.get(i), tally);
			}
		}
		return accepted;
	}

	/** The message of a composed digest, written now from the papers' listings, under the row's {@code Message-ID}. */
	private MailMessage write(OutboxMessage row, Subscription subscriber, Sending sending) {
		Composition composition = Composition.parse(row.composition());
		return this.messages.message(composition.digest(subscriber, sending.listings.of(composition.paperIds())),
				row.messageId(), sending.shared);
	}

	/** A refusal: bounced, deferred or given up. */
	private void record(OutboxMessage row, MailOutcome outcome, Tally tally) {
		Instant now = this.clock.instant();
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

	/**
	 * The papers' listings the senders have read, kept while they send: the digests of one run
	 * share a few hundred papers.
	 */
	private final class Listings {

		private final Map<String, PaperListing> read = new ConcurrentHashMap<>();

		Map<String, PaperListing> of(List<String> paperIds) {
			List<String> missing = paperIds.stream().filter((id) -> !this.read.containsKey(id)).toList();
			if (!missing.isEmpty()) {
				DigestSender.this.catalog.listingsOf(missing)
					.forEach((listing) -> this.read.put(listing.paper().id(), listing));
			}
			return this.read;
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
