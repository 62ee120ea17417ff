package io.paperboy.digest;

import java.time.Instant;

/**
 * One address's subscription.
 *
 * @param id its key, signed into every link
 * @param email the address, normalised
 * @param status pending, confirmed or unsubscribed
 * @param preferences what they want and when
 * @param userId the member with this address, if known
 * @param createdAt when the address first asked
 * @param confirmedAt when it was confirmed, if ever
 * @param lastSentAt the end of the period the latest digest covered, if any was sent
 */
record Subscription(long id, String email, Status status, Preferences preferences, Long userId, Instant createdAt,
		Instant confirmedAt, Instant lastSentAt) {

	boolean isConfirmed() {
		return this.status == Status.CONFIRMED;
	}

}
