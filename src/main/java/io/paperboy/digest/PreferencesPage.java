package io.paperboy.digest;

import java.util.List;

/**
 * The preferences page, {@code digest/preferences.jte}: the form as it was filled in (or as
 * stored), and what to say above it.
 *
 * @param action where the form posts (the signed preferences link)
 * @param email the subscribed address
 * @param status pending, confirmed or unsubscribed
 * @param form the fields
 * @param cadences the cadences to choose from
 * @param weekdays the days to choose from, {@code MONDAY} first
 * @param zones the time zones to choose from
 * @param orderings the orders to choose from: "For you" only for a subscriber with an account
 * @param notice a line of news ("Saved."), or {@code null}
 * @param problem what is wrong with what was sent, or {@code null}
 * @param unsubscribe the signed unsubscribe link's path
 * @param resubscribe where an unsubscribed person can come back, the signed resubscribe path
 * @param settings whether this is a signed-in member's settings page (a CSRF-protected form with a
 * "send me the digest" box) rather than a page behind a signed link
 */
public record PreferencesPage(String action, String email, String status, Form form, List<Choice> cadences,
		List<Choice> weekdays, List<String> zones, List<Choice> orderings, String notice, String problem, String unsubscribe, String resubscribe,
		boolean settings) {

	public boolean unsubscribed() {
		return "unsubscribed".equals(this.status);
	}

	public boolean subscribed() {
		return "confirmed".equals(this.status);
	}

	/** The form's fields, as text. */
	public record Form(String cadence, String weekday, String hour, String zone, String papers, String categories,
			String keywords, String minUpvotes, String ordering) {

		static Form of(Preferences preferences) {
			return new Form(preferences.cadence().key(), preferences.weekday().name(), String.valueOf(preferences.hour()),
					preferences.zone().getId(), String.valueOf(preferences.papers()), preferences.categoriesText(),
					preferences.keywordsText(), String.valueOf(preferences.minUpvotes()), preferences.ordering().key());
		}

		Preferences parse() {
			return Preferences.parse(this.cadence, this.weekday, this.hour, this.zone, this.papers, this.categories,
					this.keywords, this.minUpvotes, this.ordering);
		}

		/** Whether this order is the one chosen; none chosen is trending. */
		public boolean orderingIs(String value) {
			return value.equals((this.ordering == null || this.ordering.isBlank()) ? Ordering.TRENDING.key() : this.ordering);
		}

		public boolean hourIs(int hour) {
			return String.valueOf(hour).equals(this.hour);
		}

	}

	/**
	 * One option of a choice.
	 *
	 * @param value what the form sends
	 * @param label what the person reads
	 */
	public record Choice(String value, String label) {
	}

}
