package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;

import io.paperboy.mail.MailProperties;

/**
 * Digests as bulk mail: {@code paperboy.mail.retry-for}, {@code paperboy.mail.suppress-after-bounces}
 * and {@code paperboy.mail.unsubscribe-mailbox}, read from {@link MailProperties}, which binds (and
 * documents) all of {@code paperboy.mail.*}; with the retry schedule they make.
 *
 * @param retryFor how long a message refused for now is tried again after its first attempt
 * @param suppressAfterBounces after how many hard bounces an address gets nothing more
 * @param unsubscribeMailbox the {@code mailto:} of {@code List-Unsubscribe}, or {@code null}
 */
record BulkMailProperties(Duration retryFor, int suppressAfterBounces, String unsubscribeMailbox) {

	static final Duration FIRST_WAIT = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	BulkMailProperties {
		retryFor = (retryFor != null && !retryFor.isNegative() && !retryFor.isZero()) ? retryFor : Duration.ofHours(24);
		suppressAfterBounces = (suppressAfterBounces > 0) ? suppressAfterBounces : 3;
		unsubscribeMailbox = (unsubscribeMailbox == null || unsubscribeMailbox.isBlank()) ? null
				: unsubscribeMailbox.strip();
	}

	/** The part of the mail settings that is about digests. */
	static BulkMailProperties of(MailProperties mail) {
		return new BulkMailProperties(mail.retryFor(), mail.suppressAfterBounces(), mail.unsubscribeMailbox());
	}

	/** How long to wait after the given attempt (1 for the first) failed: 1, 2, 4 ... minutes, an hour at most. */
	static Duration wait(int attempt) {
		int doublings = Math.min(Math.max(attempt - 1, 0), 6);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return (wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait;
	}

	/** When to try again, or {@code null} when the time for trying is over. */
	Instant nextAttempt(int attempt, Instant firstAttempt, Instant now) {
		Instant giveUpAt = firstAttempt.plus(this.retryFor);
		if (!now.isBefore(giveUpAt)) {
			return null;
		}
		Instant next = now.plus(wait(attempt));
		return next.isAfter(giveUpAt) ? giveUpAt : next;
	}

}
