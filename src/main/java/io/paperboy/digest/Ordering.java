package io.paperboy.digest;

import java.util.Optional;

/** The order of the papers in a digest, once the subscriber's topics and minimum upvotes have kept them. */
enum Ordering {

	/** By trending score, as the daily lists rank them. */
	TRENDING("trending", "Trending"),

	/** Papers like those the member upvoted first: near in meaning, or in the same categories. */
	UPVOTED("upvoted", "Like papers I upvoted"),

	/**
	 * By the member's "For you" model (their saves, upvotes, submissions and follows; papers they are not
	 * interested in left out), each paper with the model's reason. Only for a subscriber with an account.
	 */
	FOR_YOU("for-you", "For you");

	private final String key;

	private final String label;

	Ordering(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** As stored, in the form and in the API. */
	String key() {
		return this.key;
	}

	String label() {
		return this.label;
	}

	/** Whether only a subscriber with an account can choose it: it is made from what a member does on the site. */
	boolean needsAccount() {
		return this == FOR_YOU;
	}

	static Optional<Ordering> of(String key) {
		String wanted = (key != null) ? key.strip() : "";
		for (Ordering ordering : values()) {
			if (ordering.key.equalsIgnoreCase(wanted)) {
				return Optional.of(ordering);
			}
		}
		return Optional.empty();
	}

}
