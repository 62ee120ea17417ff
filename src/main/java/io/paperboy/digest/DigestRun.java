package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;

/**
 * One recorded digest run, as {@code /admin/digests} lists it.
 *
 * @param startedAt when it started
 * @param duration how long it took
 * @param due subscriptions due
 * @param composed digests composed and queued
 * @param sent messages the relay accepted (queued by this run or retried)
 * @param deferred messages refused for now, to be retried
 * @param failed messages given up
 * @param suppressed messages not sent because their address was suppressed or left
 */
public record DigestRun(Instant startedAt, Duration duration, int due, int composed, int sent, int deferred, int failed,
		int suppressed) {

	public String seconds() {
		return String.format(java.util.Locale.ROOT, "%.1f s", this.duration.toMillis() / 1000.0);
	}

}
