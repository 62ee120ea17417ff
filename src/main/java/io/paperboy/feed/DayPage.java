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
 */
public record DayPage(LocalDate day, List<PaperListing> listings, LocalDate previousDay, LocalDate nextDay) {

	private static final DateTimeFormatter HEADER = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);

	/** The date as the page header shows it: "Mar 14". */
	public String header() {
		return (this.day != null) ? HEADER.format(this.day) : "";
	}

	/** The date in full, for the page title. */
	public String fullDate() {
		return (this.day != null) ? TITLE.format(this.day) : "";
	}

	/** How many cards carry the "new" badge at {@code now}. */
	int newCards(Instant now) {
		return (int) this.listings.stream().filter((listing) -> listing.isNewAt(now)).count();
	}

}
