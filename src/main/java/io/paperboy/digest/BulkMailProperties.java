package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Digests as bulk mail: {@code paperboy.mail.retry-for}, {@code paperboy.mail.suppress-after-bounces}
 * and {@code paperboy.mail.unsubscribe-mailbox} (the rest of {@code paperboy.mail.*} is the mail
 * package's).
 *
 * @param retryFor how long a message refused for now (a 4xx reply, a relay out of reach) is tried
 * again after its first attempt before it is given up (default 24 hours); between tries the wait
 * starts at a minute and doubles up to an hour
 * @param suppressAfterBounces after how many hard bounces (a 5xx refusal of the recipient) an
 * address gets nothing more (default 3)
 * @param unsubscribeMailbox an address whose mail someone reads and acts on, named as the
 * {@code mailto:} of {@code List-Unsubscribe} beside the one-click link; unset by default, since
 * Paperboy reads no mail and a mailto nobody acts on is a promise broken
 */
@ConfigurationProperties("paperboy.mail")
record BulkMailProperties(Duration retryFor, @DefaultValue("3") int suppressAfterBounces, String unsubscribeMailbox) {

	static final Duration FIRST_WAIT = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(1);

	BulkMailProperties {
		retryFor = (retryFor != null && !retryFor.isNegative() && !retryFor.isZero()) ? retryFor : Duration.ofHours(24);
		suppressAfterBounces = (suppressAfterBounces > 0) ? suppressAfterBounces : 3;
		unsubscribeMailbox = (unsubscribeMailbox == null || unsubscribeMailbox.isBlank()) ? null
				: unsubscribeMailbox.strip();
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
