package io.paperboy.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * An ISO week or a calendar month: the days whose daily lists a weekly or monthly page gathers.
 *
 * @param kind week or month
 * @param first its first day (a Monday, or the 1st)
 * @param last its last day (a Sunday, or the end of the month)
 */
public record Period(Kind kind, LocalDate first, LocalDate last) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

	/** The two lengths of period, with the words and addresses each goes by. */
	public enum Kind {

		/** An ISO week, Monday to Sunday, written {@code 2025-W23}. */
		WEEK("week", "weekly", "Weekly papers"),

		/** A calendar month, written {@code 2025-06}. */
		MONTH("month", "monthly", "Monthly papers");

		private final String noun;

		private final String tab;

		private final String title;

		Kind(String noun, String tab, String title) {
			this.noun = noun;
			this.tab = tab;
			this.title = title;
		}

		/** "week" or "month", as in the page's address and in sentences. */
		public String noun() {
			return this.noun;
		}

		/** The header tab this kind of page belongs to. */
		public String tab() {
			return this.tab;
		}

		/** The page's heading: "Weekly papers". */
		public String title() {
			return this.title;
		}

	}

	/** The ISO week written {@code YYYY-Www}; a malformed or impossible week is a bad request. */
	static Period week(String text) {
		return containing(Kind.WEEK, DailyPapersQuery.parseWeek(text));
	}

	/** The month written {@code YYYY-MM}; a malformed or impossible month is a bad request. */
	static Period month(String text) {
		return containing(Kind.MONTH, DailyPapersQuery.parseMonth(text).atDay(1));
	}

	/** The week or month a day belongs to. */
	static Period containing(Kind kind, LocalDate day) {
		return switch (kind) {
			case WEEK -> {
				LocalDate monday = day.with(DayOfWeek.MONDAY);
				yield new Period(kind, monday, monday.plusDays(6));
			}
			case MONTH -> new Period(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
		};
	}

	/** As written in addresses and in the API: {@code 2025-W23}, {@code 2025-06}. */
	public String code() {
		return switch (this.kind) {
			// written out rather than formatted: an anonymous read of a period page names it every time
			case WEEK -> digits(this.first.get(IsoFields.WEEK_BASED_YEAR), 4) + "-W"
					+ digits(this.first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
			case MONTH -> digits(this.first.getYear(), 4) + "-" + digits(this.first.getMonthValue(), 2);
		};
	}

	/** A non-negative number with zeros in front up to {@code width} digits, as {@code %0Nd} writes it. */
	private static String digits(int number, int width) {
		String text = Integer.toString(number);
		return (text.length() >= width) ? text : "0".repeat(width - text.length()) + text;
	}

	/** The page's address: {@code /papers/week/2025-W23}. */
	public String path() {
		return "/papers/" + this.kind.noun() + "/" + code();
	}

	/**
	 * As the page header shows it: "Week 23, 2025 · Jun 2 – Jun 8", "June 2025". A week that straddles
	 * two years names both ("Week 1, 2025 · Dec 30, 2024 – Jan 5, 2025"), since its number belongs to
	 * one year and some of its days to the other.
	 */
	public String header() {
		return switch (this.kind) {
			case WEEK -> {
				DateTimeFormatter days = (this.first.getYear() != this.last.getYear()) ? DAY_OF_YEAR : DAY;
				yield "Week " + this.first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", "
						+ this.first.get(IsoFields.WEEK_BASED_YEAR) + " · " + days.format(this.first) + " – "
						+ days.format(this.last);
			}
			case MONTH -> MONTH.format(this.first);
		};
	}

}
