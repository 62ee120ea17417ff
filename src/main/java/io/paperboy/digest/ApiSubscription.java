package io.paperboy.digest;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

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
 * @param personalOrdering whether the papers are in a personal order ({@code upvoted} or
 * {@code for-you}); the field of clients written before {@code ordering}: {@code true} keeps a
 * personal order or chooses {@code upvoted}, {@code false} chooses {@code trending}
 * @param ordering {@code trending}, {@code upvoted} (papers like those the member upvoted first) or
 * {@code for-you} (the member's "For you" model, with its reasons)
 */
record ApiSubscription(String email, Boolean subscribed, String status, String cadence, String weekday, Integer hour,
		String timeZone, Integer papers, List<String> categories, List<String> keywords, Integer minUpvotes,
		@Schema(deprecated = true, description = "Whether the papers are in a personal order (`upvoted` or `for-you`). "
				+ "Kept for clients written before `ordering`: in a PUT, `true` keeps a personal order or chooses "
				+ "`upvoted`, `false` chooses `trending`; sent with `ordering`, the two must agree.") Boolean personalOrdering,
		@Schema(description = "The order of the papers that the topics and minimum upvotes keep: `trending`; "
				+ "`upvoted`, papers like those you upvoted first; or `for-you`, your For you model (saves, upvotes, "
				+ "submissions, follows; papers you are not interested in left out), each paper with its reason.",
				allowableValues = { "trending", "upvoted", "for-you" }, example = "for-you") String ordering) {

	static ApiSubscription of(Subscription subscription) {
		Preferences preferences = subscription.preferences();
		return new ApiSubscription(subscription.email(), subscription.isConfirmed(), subscription.status().key(),
				preferences.cadence().key(), preferences.weekday().name(), preferences.hour(), preferences.zone().getId(),
				preferences.papers(), preferences.categories(), preferences.keywords(), preferences.minUpvotes(),
				preferences.ordering() != Ordering.TRENDING, preferences.ordering().key());
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
				(this.minUpvotes != null) ? this.minUpvotes : current.minUpvotes(), ordering(current.ordering()))
			.checked();
	}

	/** {@code ordering} when given, else what {@code personalOrdering} says of the current order. */
	private Ordering ordering(Ordering current) {
		if (this.ordering != null) {
			Ordering chosen = Ordering.of(this.ordering)
				.orElseThrow(() -> new InvalidPreferencesException("ordering must be trending, upvoted or for-you."));
			if (this.personalOrdering != null && this.personalOrdering != (chosen != Ordering.TRENDING)) {
				throw new InvalidPreferencesException("personalOrdering " + this.personalOrdering + " and ordering "
						+ chosen.key() + " disagree; send ordering alone.");
			}
			return chosen;
		}
		if (this.personalOrdering == null) {
			return current;
		}
		if (!this.personalOrdering) {
			return Ordering.TRENDING;
		}
		return (current == Ordering.TRENDING) ? Ordering.UPVOTED : current;
	}

}
