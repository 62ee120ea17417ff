package io.paperboy.feed;

import java.util.List;

import io.paperboy.catalog.PaperListing;

/**
 * The newest papers on arXiv in the catalog, whether or not anyone listed them: what the arXiv
 * sources brought in, for readers who want to see everything in their fields before the community
 * picks.
 *
 * @param category the primary category shown, or null for all
 * @param categories the busiest primary categories, to choose from
 * @param cards this page's papers, newest first
 * @param number the page number, from 1
 * @param total how many papers all pages hold
 */
public record ArxivPage(String category, List<String> categories, List<PaperListing> cards, int number, long total) {

	/** Cards shown at a time, as on the week and month pages. */
	public static final int CARDS_PER_PAGE = PeriodPage.CARDS_PER_PAGE;

	public int pageCount() {
		return (int) Math.max(1, (this.total + CARDS_PER_PAGE - 1) / CARDS_PER_PAGE);
	}

	/** The address of a page of this list. */
	public String path(int page) {
		StringBuilder path = new StringBuilder("/papers/arxiv");
		if (this.category != null) {
			path.append("?category=").append(this.category);
		}
		if (page > 1) {
			path.append((this.category != null) ? "&" : "?").append("p=").append(page);
		}
		return path.toString();
	}

}
