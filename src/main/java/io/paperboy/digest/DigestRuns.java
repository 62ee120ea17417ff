package io.paperboy.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import io.paperboy.mail.MailFailure;
import io.paperboy.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the digests that are due. A subscription is due when, in its own time zone, today is one
 * of its delivery days and its hour has come; each period (the local date of the delivery day, or
 * of the weekly day) gets at most one digest: the period is claimed in the database, under a
 * unique key, before the message goes to the mail server, so a rerun, a second node or
 * {@code digest run --now} finds it taken. A message the mail server refuses releases its period,
 * and a later run tries again.
 */
@Service
class DigestRuns {

	private static final Logger logger = LoggerFactory.getLogger(DigestRuns.class);

	private final SubscriptionRepository subscriptions;

	private final Digests digests;

	private final DigestMessages messages;

	private final Mailer mailer;

	private final DigestProperties properties;

	private final Clock clock;

	DigestRuns(SubscriptionRepository subscriptions, Digests digests, DigestMessages messages, Mailer mailer,
			DigestProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.messages = messages;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends every digest due now.
	 * @param everyone whether every confirmed subscription counts as due, whatever its day and hour
	 * (still at most one digest per period)
	 */
	RunReport run(boolean everyone) {
		Instant now = this.clock.instant();
		RunReport report = new RunReport();
		for (Subscription subscription : this.subscriptions.confirmed()) {
			if (!everyone && !isDue(subscription, now)) {
				continue;
			}
			report.due++;
			String period = period(subscription, now);
			if (this.subscriptions.hasPeriod(subscription.id(), period)) {
				report.alreadySent++;
				continue;
			}
			try {
				send(subscription, period, now, report);
			}
			catch (RuntimeException ex) {
				report.failed++;
				logger.warn("Digest for subscription {} not sent: {}", subscription.id(), ex.getMessage());
			}
		}
		logger.info("Digest run: {}", report);
		return report;
	}

	private void send(Subscription subscription, String period, Instant now, RunReport report) {
		Digest digest = this.digests.compose(subscription, now);
		if (digest.isEmpty() && !this.properties.sendEmpty()) {
			report.empty++;
			return;
		}
		if (!this.subscriptions.claimPeriod(subscription.id(), period, digest.items().size(), now)) {
			report.alreadySent++;
			return;
		}
		try {
			this.mailer.send(this.messages.message(digest));
		}
		catch (MailFailure ex) {
			this.subscriptions.releasePeriod(subscription.id(), period);
			throw ex;
		}
		this.subscriptions.markSent(subscription.id(), period, digest.paperIds(), digest.until(), this.clock.instant());
		report.sent++;
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
			return "%d due, %d sent, %d with nothing new, %d already sent this period, %d failed".formatted(this.due,
					this.sent, this.empty, this.alreadySent, this.failed);
		}

	}

}
