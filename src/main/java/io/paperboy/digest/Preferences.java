package io.paperboy.digest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a subscriber wants in their digest and when.
 *
 * @param cadence how often
 * @param weekday the day of a weekly digest
 * @param hour the hour of delivery, 0 to 23, in {@code zone}
 * @param zone the subscriber's time zone
 * @param papers how many papers at most, {@value #MIN_PAPERS} to {@value #MAX_PAPERS}
 * @param categories arXiv categories a paper must have one of; empty for any
 * @param keywords words or phrases a paper must mention one of; empty for any
 * @param minUpvotes the upvotes a paper needs
 * @param ordering the order of the papers that are kept: trending, like those the member upvoted, or
 * the member's "For you" model
 */
record Preferences(Cadence cadence, DayOfWeek weekday, int hour, ZoneId zone, int papers, List<String> categories,
		List<String> keywords, int minUpvotes, Ordering ordering) {

	static final int MIN_PAPERS = 5;

	static final int MAX_PAPERS = 50;

	static final int DEFAULT_PAPERS = 10;

	static final int MAX_TOPICS = 20;

	static final int MAX_KEYWORD_LENGTH = 100;

	/** An arXiv category: {@code cs.LG}, {@code hep-th}, {@code math.AG}. */
	private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,15}(\\.[A-Za-z][A-Za-z-]{0,15})?");

	Preferences {
		categories = List.copyOf(categories);
		keywords = List.copyOf(keywords);
	}

	/** Weekday digests at 8:00 UTC, ten papers, every topic. */
	static Preferences defaults() {
		return new Preferences(Cadence.WEEKDAYS, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), DEFAULT_PAPERS, List.of(),
				List.of(), 0, Ordering.TRENDING);
	}

	/**
	 * Preferences from what a person typed; categories and keywords separated by commas or line
	 * breaks; no ordering is trending.
	 * @throws InvalidPreferencesException saying what is wrong
	 */
	static Preferences parse(String cadence, String weekday, String hour, String zone, String papers,
			String categories, String keywords, String minUpvotes, String ordering) {
		Cadence chosen = Cadence.of(cadence)
			.orElseThrow(() -> new InvalidPreferencesException("Choose weekdays, every day or once a week."));
		DayOfWeek day = weekday(weekday);
		int at = number(hour, "The hour", 0, 23);
		ZoneId timeZone = zone(zone);
		int count = number(papers, "The number of papers", MIN_PAPERS, MAX_PAPERS);
		int upvotes = number(minUpvotes, "The minimum number of upvotes", 0, 100_000);
		Ordering order = (ordering == null || ordering.isBlank()) ? Ordering.TRENDING : ordering(ordering);
		return new Preferences(chosen, day, at, timeZone, count, categories(split(categories)), keywords(split(keywords)),
				upvotes, order);
	}

	/** Checks preferences made from JSON, as {@link #parse} checks a form. */
	Preferences checked() {
		if (this.cadence == null || this.weekday == null || this.zone == null || this.ordering == null) {
			throw new InvalidPreferencesException("cadence, weekday, timeZone and ordering are needed.");
		}
		number(String.valueOf(this.hour), "The hour", 0, 23);
		number(String.valueOf(this.papers), "The number of papers", MIN_PAPERS, MAX_PAPERS);
		number(String.valueOf(this.minUpvotes), "The minimum number of upvotes", 0, 100_000);
		return new Preferences(this.cadence, this.weekday, this.hour, this.zone, this.papers,
				categories(this.categories), keywords(this.keywords), this.minUpvotes, this.ordering);
	}

	/** The categories as the form shows them. */
	String categoriesText() {
		return String.join(", ", this.categories);
	}

	/** The keywords as the form shows them, one a line. */
	String keywordsText() {
		return String.join("\n", this.keywords);
	}

	/** Whether a paper with these categories, title and abstract is on one of the topics. */
	boolean hasTopics() {
		return !this.categories.isEmpty() || !this.keywords.isEmpty();
	}

	static DayOfWeek weekday(String value) {
		try {
			return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new InvalidPreferencesException("Choose a day of the week for a weekly digest.");
		}
	}

	/** The same preferences in another order. */
	Preferences withOrdering(Ordering ordering) {
		return new Preferences(this.cadence, this.weekday, this.hour, this.zone, this.papers, this.categories,
				this.keywords, this.minUpvotes, ordering);
	}

	static Ordering ordering(String value) {
		return Ordering.of(value)
			.orElseThrow(() -> new InvalidPreferencesException("The order must be trending, upvoted or for-you, not \""
					+ shortened(String.valueOf(value).strip()) + "\"."));
	}

	static ZoneId zone(String value) {
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidPreferencesException("\"" + value + "\" is not a time zone; use a name like Europe/Paris or Asia/Tokyo.");
		}
	}

	private static int number(String value, String what, int min, int max) {
		int number;
		try {
			number = Integer.parseInt((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new InvalidPreferencesException(what + " must be a whole number from " + min + " to " + max + ".");
		}
		if (number < min || number > max) {
			throw new InvalidPreferencesException(what + " must be from " + min + " to " + max + ".");
		}
		return number;
	}

	private static List<String> split(String value) {
		List<String> parts = new ArrayList<>();
		if (value != null) {
			for (String part : value.split("[,\\r\\n]+")) {
				if (!part.isBlank()) {
					parts.add(part.strip());
				}
			}
		}
		return parts;
	}

	private static List<String> categories(List<String> given) {
		Set<String> categories = new LinkedHashSet<>();
		for (String category : given) {
			if (category == null || category.isBlank()) {
				continue;
			}
			String name = category.strip();
			if (!CATEGORY.matcher(name).matches()) {
				throw new InvalidPreferencesException("\"" + shortened(name) + "\" is not an arXiv category; categories look like cs.LG or hep-th.");
			}
			categories.add(name);
		}
		if (categories.size() > MAX_TOPICS) {
			throw new InvalidPreferencesException("At most " + MAX_TOPICS + " categories.");
		}
		return List.copyOf(categories);
	}

	private static List<String> keywords(List<String> given) {
		Set<String> keywords = new LinkedHashSet<>();
		for (String keyword : given) {
			if (keyword == null || keyword.isBlank()) {
				continue;
			}
			String phrase = keyword.strip().replaceAll("\\s+", " ");
			if (phrase.length() > MAX_KEYWORD_LENGTH) {
				throw new InvalidPreferencesException("A keyword or phrase can be at most " + MAX_KEYWORD_LENGTH + " characters.");
			}
			keywords.add(phrase);
		}
		if (keywords.size() > MAX_TOPICS) {
			throw new InvalidPreferencesException("At most " + MAX_TOPICS + " keywords and phrases.");
		}
		return List.copyOf(keywords);
	}

	private static String shortened(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
