package io.paperboy.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One subscriber's digest for one period.
 *
 * @param subscription whose it is
 * @param since the start of what it covers (exclusive)
 * @param until the end of what it covers, the time it was composed
 * @param day the subscriber's local date when it was composed, for the subject
 * @param items the papers, in the order they are shown
 * @param note a line about the digest as a whole, shown above its papers ("it learns from what you
 * save"), or {@code null}
 */
record Digest(Subscription subscription, Instant since, Instant until, LocalDate day, List<DigestItem> items,
		String note) {

	Digest {
		items = List.copyOf(items);
	}

	Digest(Subscription subscription, Instant since, Instant until, LocalDate day, List<DigestItem> items) {
		this(subscription, since, until, day, items, null);
	}

	boolean isEmpty() {
		return this.items.isEmpty();
	}

	List<String> paperIds() {
		return this.items.stream().map((item) -> item.listing().paper().id()).toList();
	}

}
