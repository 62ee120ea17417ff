package io.paperboy.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a paper page shows.
 *
 * @param listing the paper with its daily entry and submitter
 */
public record PaperPage(PaperListing listing) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public Paper paper() {
		return this.listing.paper();
	}

	/** A date as pages show it ("Jun 2, 2025"), or an empty string. */
	public static String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

}
