package io.paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.account.Member;
import io.paperboy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the digests that are due. A subscription is due when, in its own time zone, today is one
 * of its delivery days and its hour has come; each period (the local date of the delivery day, or
 * of the weekly day) gets at most one digest. A run first composes: each due digest is written to
 * the outbox in the transaction that claims its period under a unique key, so a rerun, a second
 * node or {@code digest run --now} finds it taken. Then it sends what the outbox holds (see
 * {@link DigestSender}), retries included, and records what it did.
 */
@Service
class DigestRuns {

	private static final Logger logger = LoggerFactory.getLogger(DigestRuns.class);

	/**
	 * Digests queued in one transaction: at 50 a transaction queueing was almost half of composing,
	 * nearly half of that the commits, which the embedded database writes to disk one by one.
	 * Senders see them a batch at a time. A crash loses none: what was not committed keeps its
	 * period free for the next run.
	 */
	private static final int QUEUED_TOGETHER = 500;

	/**
	 * Due subscriptions whose taken periods and sent papers are read in one query each: two queries
	 * per subscriber were a third of composing, most of it making and parsing the statements.
	 */
	private static final int READ_TOGETHER = 500;

	private final SubscriptionRepository subscriptions;

	private final Digests digests;

	private final OutboxRepository outbox;

	private final DigestSender sender;

	private final RunRepository runs;

	private final Mailer mailer;

	private final DigestProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	DigestRuns(SubscriptionRepository subscriptions, Digests digests, OutboxRepository outbox,
			DigestSender sender, RunRepository runs, Mailer mailer, DigestProperties properties, Clock clock,
			MeterRegistry meters) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.outbox = outbox;
		this.sender = sender;
		this.runs = runs;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Composes every digest due now, while senders send what the outbox holds, and waits for them.
	 * @param everyone whether every confirmed subscription counts as due, whatever its day and hour
	 * (still at most one digest per period)
	 */
	RunReport run(boolean everyone) {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		RunReport report = new RunReport();
		Digests.Run composing = new Digests.Run(now);
		// the senders start at once and send what is composed while the rest is composed
		DigestSender.Sending sending = this.sender.start();
		DigestSender.Tally tally;
		try {
			composeDue(everyone, composing, report);
		}
		finally {
			report.composing = Duration.ofNanos(System.nanoTime() - started);
			tally = sending.finish();
		}
		report.sent = tally.sent.get();
		report.deferred = tally.deferred.get();
		report.failed += tally.failed.get() + tally.stopped.get();
		report.suppressed = tally.suppressed.get();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.meters.timer("paperboy.digest.run").record(took);
		this.runs.record(new DigestRun(now, took, report.due, report.composed, report.sent, report.deferred,
				report.failed, report.suppressed));
		logger.info("Digest run: {}", report);
		return report;
	}

	private void composeDue(boolean everyone, Digests.Run composing, RunReport report) {
		Instant now = composing.now();
		List<OutboxRepository.Queued> pending = new ArrayList<>();
		List<Subscription> due = new ArrayList<>();
		for (Subscription subscription : this.subscriptions.confirmed()) {
			if (everyone || isDue(subscription, now)) {
				due.add(subscription);
			}
			if (due.size() == READ_TOGETHER) {
				composeBlock(due, composing, pending, report);
				due.clear();
			}
		}
		composeBlock(due, composing, pending, report);
		enqueue(pending, now, report);
	}

	/**
	 * Composes a block of due digests, reading whose period is taken already, what each was sent
	 * before and the members behind them in one query each for the whole block, and queues them {@value #QUEUED_TOGETHER} at a
	 * time.
	 */
	private void composeBlock(List<Subscription> due, Digests.Run composing, List<OutboxRepository.Queued> pending,
			RunReport report) {
		Instant now = composing.now();
		Map<Long, String> periods = new LinkedHashMap<>();
		due.forEach((subscription) -> periods.put(subscription.id(), period(subscription, now)));
		Set<Long> taken = this.subscriptions.withPeriodTaken(periods);
		List<Long> free = periods.keySet().stream().filter((id) -> !taken.contains(id)).toList();
		Map<Long, Set<String>> sent = this.subscriptions.sentPapers(free, Digests.sentAfter(now));
		Map<Long, Member> members = this.digests.membersOf(due.stream().filter((subscription) -> !taken.contains(subscription.id())).toList());
		for (Subscription subscription : due) {
			report.due++;
			if (taken.contains(subscription.id())) {
				report.alreadySent++;
				continue;
			}
			try {
				Digest digest = this.digests.compose(subscription, composing, sent.get(subscription.id()), members);
				if (digest.isEmpty() && !this.properties.sendEmpty()) {
					report.empty++;
					continue;
				}
				pending.add(new OutboxRepository.Queued(subscription.id(), periods.get(subscription.id()),
						subscription.email(), Composition.of(digest), this.mailer.newMessageId()));
			}
			catch (RuntimeException ex) {
				report.failed++;
				logger.warn("Digest for subscription {} not composed: {}", subscription.id(), ex.toString());
			}
			if (pending.size() == QUEUED_TOGETHER) {
				enqueue(pending, now, report);
			}
		}
	}

	/** Queues the composed digests in one transaction, and empties the list. */
	private void enqueue(List<OutboxRepository.Queued> pending, Instant now, RunReport report) {
		List<Boolean> outcomes;
		try {
			outcomes = this.outbox.enqueueAll(pending, now);
		}
		catch (RuntimeException ex) {
			// nothing of the batch was written: its periods stay free for the next run
			report.failed += pending.size();
			logger.warn("{} digests not queued: {}", pending.size(), ex.toString());
			pending.clear();
			return;
		}
		for (boolean queued : outcomes) {
			if (queued) {
				report.composed++;
				this.meters.counter("paperboy.digest.messages", "outcome", "composed").increment();
			}
			else {
				report.alreadySent++;
			}
		}
		pending.clear();
	}

	/** Whether, in the subscriber's zone, today is a delivery day and the hour has come. */
	static boolean isDue(Subscription subscription, Instant now) {
		Preferences preferences = subscription.preferences();
		ZonedDateTime local = now.atZone(preferences.zone());
		return preferences.cadence().deliversOn(local.toLocalDate(), preferences.weekday())
				&& local.getHour() >= preferences.hour();
	}

	/** The period a digest sent now belongs to: a local date, {@code 2025-06-02}. */
	static String period(Subscription subscription, Instant now) {
		Preferences preferences = subscription.preferences();
		LocalDate today = now.atZone(preferences.zone()).toLocalDate();
		return preferences.cadence().periodOf(today, preferences.weekday()).toString();
	}

	/** What a run did. */
	static final class RunReport {

		int due;

		int sent;

		int empty;

		int alreadySent;

		int failed;

		int composed;

		int deferred;

		int suppressed;

		Duration composing = Duration.ZERO;

		int composed() {
			return this.composed;
		}

		int deferred() {
			return this.deferred;
		}

		int suppressed() {
			return this.suppressed;
		}

		int due() {
			return this.due;
		}

		int sent() {
			return this.sent;
		}

		int empty() {
			return this.empty;
		}

		int alreadySent() {
			return this.alreadySent;
		}

		int failed() {
			return this.failed;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d due, %d sent, %d composed, %d deferred, %d failed, %d suppressed, "
					+ "%d with nothing new, %d already sent this period; composed in %.2f s", this.due, this.sent,
					this.composed, this.deferred, this.failed, this.suppressed, this.empty, this.alreadySent,
					this.composing.toNanos() / 1e9);
		}

	}

}
