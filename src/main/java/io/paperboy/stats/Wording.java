package io.paperboy.stats;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How charts and their summaries write counts and days: in English, the same way everywhere. */
final class Wording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

	private static final String[] UNITS = { "", "k", "M", "B", "T", "P", "E" };

	private Wording() {
	}

	/** "1,234". */
	static String count(long count) {
		return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count);
	}

	/** "1 vote", "1,234 votes". */
	static String count(long count, String noun) {
		return count(count) + " " + noun + ((count == 1) ? "" : "s");
	}

	/** An axis label, short enough for a narrow margin: "950", "9,500", "95k", "1.2M". */
	static String compact(double value) {
		if (Math.abs(value) < 10_000) {
			return count(Math.round(value));
		}
		int unit = 0;
		double scaled = value;
		while (Math.abs(scaled) >= 1000 && unit < UNITS.length - 1) {
			scaled /= 1000;
			unit++;
		}
		String digits = (Math.abs(scaled) < 10 && scaled != Math.rint(scaled))
				? String.format(Locale.ROOT, "%.1f", scaled) : Long.toString(Math.round(scaled));
		return digits + UNITS[unit];
	}

	/** "Jun 2". */
	static String day(LocalDate day) {
		return DAY.format(day);
	}

	/** "Jun 2 to Jul 27, 2025"; "Dec 29, 2025 to Jan 4, 2026". */
	static String period(LocalDate first, LocalDate last) {
		return ((first.getYear() == last.getYear()) ? day(first) : dayOfYear(first)) + " to " + dayOfYear(last);
	}

	/** "Jun 2, 2025". */
	static String dayOfYear(LocalDate day) {
		return DAY_OF_YEAR.format(day);
	}

}
