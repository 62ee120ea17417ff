package io.paperboy.community;

import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.PaperListing;

/**
 * The curators' view of a day: every paper on its list, hidden ones too, with their marks.
 *
 * @param day the day
 * @param listings its papers, featured first, hidden last
 */
public record CuratePage(LocalDate day, List<PaperListing> listings) {

	/** Where the forms on this page bring the curator back to. */
	public String back() {
		return "/curate?day=" + this.day;
	}

}
