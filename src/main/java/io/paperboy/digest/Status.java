package io.paperboy.digest;

import java.util.Locale;

/** Where a subscription stands. */
enum Status {

	/** Asked for, not yet confirmed from the mailed link: the address gets nothing else. */
	PENDING,

	/** Confirmed: digests go out. */
	CONFIRMED,

	/** Left with the unsubscribe link; can come back from the resubscribe page. */
	UNSUBSCRIBED;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Status of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
