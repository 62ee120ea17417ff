package io.paperboy.digest;

import java.util.List;

/**
 * A member's digest subscription in the API. In a PUT every field may be left out: what is left
 * out keeps its current value (or the default, for a new subscription).
 *
 * @param email the address digests go to (the member's; ignored in a PUT)
 * @param subscribed whether digests go out
 * @param status pending, confirmed or unsubscribed (ignored in a PUT)
 * @param cadence {@code weekdays}, {@code daily} or {@code weekly}
 * @param weekday the day of a weekly digest, {@code MONDAY} to {@code SUNDAY}
 * @param hour the hour of delivery, 0 to 23
 * @param timeZone an IANA time zone, {@code Europe/Paris}
 * @param papers papers per digest, 5 to 50
 * @param categories arXiv categories, any of which a paper must have; empty for all
 * @param keywords words or phrases, any of which a paper must mention; empty for all
 * @param minUpvotes the upvotes a paper needs
 * @param personalOrdering whether papers like those the member upvoted come first
 */
record ApiSubscription(String email, Boolean subscribed, String status, String cadence, String weekday, Integer hour,
		String timeZone, Integer papers, List<String> categories, List<String> keywords, Integer minUpvotes,
		Boolean personalOrdering) {

	static ApiSubscription of(Subscription subscription) {
		Preferences preferences = subscription.preferences();
		return new ApiSubscription(subscription.email(), subscription.isConfirmed(), subscription.status().key(),
				preferences.cadence().key(), preferences.weekday().name(), preferences.hour(), preferences.zone().getId(),
				preferences.papers(), preferences.categories(), preferences.keywords(), preferences.minUpvotes(),
				preferences.personal());
	}

	/** These fields over {@code current}. @throws InvalidPreferencesException when a field is wrong */
	Preferences over(Preferences current) {
		Cadence chosen = (this.cadence != null) ? Cadence.of(this.cadence)
			.orElseThrow(() -> new InvalidPreferencesException("cadence must be weekdays, daily or weekly.")) : current.cadence();
		return new Preferences(chosen, (this.weekday != null) ? Preferences.weekday(this.weekday) : current.weekday(),
				(this.hour != null) ? this.hour : current.hour(),
				(this.timeZone != null) ? Preferences.zone(this.timeZone) : current.zone(),
				(this.papers != null) ? this.papers : current.papers(),
				(this.categories != null) ? this.categories : current.categories(),
				(this.keywords != null) ? this.keywords : current.keywords(),
				(this.minUpvotes != null) ? this.minUpvotes : current.minUpvotes(),
				(this.personalOrdering != null) ? this.personalOrdering : current.personal())
			.checked();
	}

}
