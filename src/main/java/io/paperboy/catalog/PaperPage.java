package io.paperboy.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a paper page shows.
 *
 * @param listing the paper with its daily entry and submitter
 */
public record PaperPage(PaperListing listing) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Authors named before the rest fold under "+N more": a paper of 58 authors stays readable. */
	public static final int AUTHORS_SHOWN = 12;

	public Paper paper() {
		return this.listing.paper();
	}

	/** The authors named at once. */
	public List<Author> firstAuthors() {
		List<Author> authors = paper().authors();
		return authors.subList(0, Math.min(authors.size(), AUTHORS_SHOWN));
	}

	/** The authors folded under "+N more"; empty for most papers. */
	public List<Author> moreAuthors() {
		List<Author> authors = paper().authors();
		return authors.subList(Math.min(authors.size(), AUTHORS_SHOWN), authors.size());
	}

	/** The paper's BibTeX entry, for the citation block. */
	public String bibtex() {
		return Bibtex.of(paper());
	}

	/** A date as pages show it ("Jun 2, 2025"), or an empty string. */
	public static String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

}
