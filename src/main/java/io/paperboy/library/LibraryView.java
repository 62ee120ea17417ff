package io.paperboy.library;

import java.util.List;

import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Ballot;

/**
 * The model of {@code /library}: the member's saved papers (or one collection's), newest first.
 *
 * @param papers this page's papers
 * @param total how many papers the list holds
 * @param page which page, from 1
 * @param pages how many pages there are
 * @param collections the member's collections, for the filter and the "add to" forms
 * @param shown the collection shown, or {@code null} for the whole library
 * @param notes the notes on the shown collection's papers, by paper id
 * @param ballot the member's votes and CSRF token, for the cards' buttons
 */
public record LibraryView(List<PaperListing> papers, long total, int page, int pages, List<PaperCollection> collections,
		PaperCollection shown, java.util.Map<String, String> notes, Ballot ballot) {

	/** Where this list's BibTeX or RIS export is ({@code bib} or {@code ris}). */
	public String exportPath(String extension) {
		return (this.shown != null) ? this.shown.editPath() + "." + extension : "/library." + extension;
	}

	/** The address of another page of this list. */
	public String pagePath(int other) {
		return "/library?" + ((this.shown != null) ? "collection=" + this.shown.id() + "&" : "") + "page=" + other;
	}

}
