package io.paperboy.feed;

import java.time.Instant;
import java.util.List;

import io.paperboy.catalog.PaperListing;

/**
 * A week's or a month's papers, most upvoted first, with the nearest periods that have papers.
 * <p>
 * The page is shown {@value #CARDS_PER_PAGE} cards at a time. A busy month of the real archive has
 * over 600 papers: on one page that is some 700 kB of HTML to send, lay out and scroll through to
 * reach the next month, and 700 kB to render again whenever the list changes. Readers of a month
 * come for its best papers, which are on the first page; the rest are a click away.
 *
 * @param period the week or month shown
 * @param listings all its papers, most upvoted first (among equals, most recently listed first)
 * @param previous the closest earlier period of the same kind that has papers, if any
 * @param next the closest later period of the same kind that has papers, if any
 */
public record PeriodPage(Period period, List<PaperListing> listings, Period previous, Period next) {

	/** Cards shown at a time. */
	public static final int CARDS_PER_PAGE = 50;

	/** How many pages the cards fill; an empty period still has its one (empty) page. */
	public int pageCount() {
		return Math.max(1, (this.listings.size() + CARDS_PER_PAGE - 1) / CARDS_PER_PAGE);
	}

	/** The cards of a page, numbered from 1. */
	public List<PaperListing> cards(int number) {
		int from = Math.min((number - 1) * CARDS_PER_PAGE, this.listings.size());
		return this.listings.subList(from, Math.min(from + CARDS_PER_PAGE, this.listings.size()));
	}

	/** Whether no period of this kind has papers: the catalog is empty. */
	public boolean isCatalogEmpty() {
		return this.listings.isEmpty() && this.previous == null && this.next == null;
	}

	/** How many cards of a page carry the "new" badge at {@code now}. */
	int newCards(int number, Instant now) {
		return (int) cards(number).stream().filter((listing) -> listing.isNewAt(now)).count();
	}

}
