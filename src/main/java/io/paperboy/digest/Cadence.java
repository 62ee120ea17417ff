package io.paperboy.digest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** How often a subscriber gets a digest. */
enum Cadence {

	/** Monday to Friday in the subscriber's time zone, like Hugging Face's daily papers. */
	WEEKDAYS("Weekdays (Monday to Friday)"),

	/** Every day. */
	DAILY("Every day"),

	/** Once a week, on the subscriber's chosen day. */
	WEEKLY("Once a week");

	private final String label;

	Cadence(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Cadence> of(String key) {
		for (Cadence cadence : values()) {
			if (cadence.key().equalsIgnoreCase((key != null) ? key.strip() : "")) {
				return Optional.of(cadence);
			}
		}
		return Optional.empty();
	}

	/** Whether a digest goes out on this local date. */
	boolean deliversOn(LocalDate date, DayOfWeek weekday) {
		return switch (this) {
			case DAILY -> true;
			case WEEKDAYS -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
			case WEEKLY -> date.getDayOfWeek() == weekday;
		};
	}

	/**
	 * The period a digest sent on {@code today} belongs to, named by a local date: the day itself
	 * for daily cadences, the latest chosen weekday for weekly ones. At most one digest goes out per
	 * subscription and period.
	 */
	LocalDate periodOf(LocalDate today, DayOfWeek weekday) {
		if (this != WEEKLY) {
			return today;
		}
		LocalDate day = today;
		while (day.getDayOfWeek() != weekday) {
			day = day.minusDays(1);
		}
		return day;
	}

	/** What a first digest covers: the day just ended, or the week. */
	java.time.Duration firstLookBack() {
		return (this == WEEKLY) ? java.time.Duration.ofDays(7) : java.time.Duration.ofHours(24);
	}

}
