package io.paperboy.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.paperboy.catalog.PaperListing;

/**
 * One day's list, ordered by upvotes, with the nearest days that have papers.
 *
 * @param day the day shown, or {@code null} when the catalog has no papers at all
 * @param listings the day's papers, featured first, then most upvoted first
 * @param previousDay the closest earlier day with papers, if any
 * @param nextDay the closest later day with papers, if any
 * @param firstDay the earliest day with papers, for choosing a day
 * @param latestDay the most recent day with papers, for choosing a day
 */
public record DayPage(LocalDate day, List<PaperListing> listings, LocalDate previousDay, LocalDate nextDay,
		LocalDate firstDay, LocalDate latestDay) {

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);

	/** A page without the range of days to choose from. */
	public DayPage(LocalDate day, List<PaperListing> listings, LocalDate previousDay, LocalDate nextDay) {
		this(day, listings, previousDay, nextDay, null, null);
	}

	/** The date in full, as the heading and the page title say it: "Wednesday, May 13, 2026". */
	public String fullDate() {
		return (this.day != null) ? FULL.format(this.day) : "";
	}

	/** Whether the page can offer to choose another day. */
	public boolean canChooseDay() {
		return this.firstDay != null && this.latestDay != null && !this.firstDay.equals(this.latestDay);
	}

	/** How many cards carry the "new" badge at {@code now}. */
	int newCards(Instant now) {
		return (int) this.listings.stream().filter((listing) -> listing.isNewAt(now)).count();
	}

}
