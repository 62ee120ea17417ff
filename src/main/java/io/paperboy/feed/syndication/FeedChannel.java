package io.paperboy.feed.syndication;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * What a feed is about and where it lives. A feed mirrors a page: it is at the page's path plus
 * {@code /feed.xml} (RSS) or {@code /feed.atom} (Atom), so {@code /papers/date/2025-06-02} has
 * {@code /papers/date/2025-06-02/feed.xml}. The factories below name every feed Paperboy serves,
 * so that the feeds and the pages that advertise them agree on titles and addresses.
 *
 * @param title the feed's title, as a feed reader names the subscription
 * @param description one sentence on what the feed holds
 * @param path the path of the page listing the same papers, without the base URL
 * @param since when the feed's period began: an empty feed gives this as its update time (Atom
 * requires one), a feed with items gives the time its latest item entered the list
 */
public record FeedChannel(String title, String description, String path, Instant since) {

	private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy",
			Locale.ENGLISH);

	/** The rolling daily feed: always the latest day that has papers. */
	public static FeedChannel daily() {
		return new FeedChannel("Paperboy: daily papers",
				"The papers of the latest day, most upvoted first. A reader that checks at least once a day "
						+ "sees every day's papers.",
				"/papers", Instant.EPOCH);
	}

	/** One day's list. */
	public static FeedChannel day(LocalDate day) {
		return new FeedChannel("Paperboy: papers of " + FULL_DATE.format(day),
				"The papers listed on " + FULL_DATE.format(day) + ", most upvoted first.", "/papers/date/" + day,
				day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	/** The ISO week (Monday to Sunday) that contains {@code day}. */
	public static FeedChannel week(LocalDate day) {
		LocalDate monday = day.with(DayOfWeek.MONDAY);
		String week = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
				monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return new FeedChannel("Paperboy: papers of the week " + week,
				"The papers that entered the daily lists from " + FULL_DATE.format(monday) + " to "
						+ FULL_DATE.format(monday.plusDays(6)) + ", most upvoted first.",
				"/papers/week/" + week, monday.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	/**
	 * Items of a month's feed: its most upvoted papers. A busy month lists over 600; a reader of the
	 * month wants its best, and a feed of all of them would be over a megabyte fetched at every poll.
	 */
	public static final int MONTH_ITEMS = 100;

	/** The {@value #MONTH_ITEMS} most upvoted papers of a calendar month. */
	public static FeedChannel month(YearMonth month) {
		String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
		return new FeedChannel("Paperboy: papers of " + name,
				"The " + MONTH_ITEMS + " most upvoted papers that entered the daily lists in " + name + ".",
				"/papers/month/" + month, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	/** The trending list, highest trending score first. */
	public static FeedChannel trending() {
		return new FeedChannel("Paperboy: trending papers", "The papers trending now, highest trending score first.",
				"/papers/trending", Instant.EPOCH);
	}

	/** The path of this feed in the given format. */
	public String feedPath(FeedFormat format) {
		return this.path + "/feed." + format.extension();
	}

}
