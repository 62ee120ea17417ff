package io.paperboy.feed;

import java.util.List;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.AuthorSummary;
import io.paperboy.catalog.PaperListing;
import io.paperboy.catalog.PaperPage;

/**
 * An author's page: what the catalog holds of them and their papers, newest first, a page at a time.
 *
 * @param author the author, as the catalog knows them
 * @param cards this page's papers, most recently published first
 * @param number the page number, from 1
 */
public record AuthorPage(AuthorSummary author, List<PaperListing> cards, int number) {

	/** Cards shown at a time: most authors fit on one page. */
	public static final int CARDS_PER_PAGE = 30;

	public int pageCount() {
		return (int) Math.max(1, (this.author.papers() + CARDS_PER_PAGE - 1) / CARDS_PER_PAGE);
	}

	/** The address of a page of this author's papers. */
	public String path(int page) {
		String path = Author.pagePath(this.author.name());
		return (page > 1) ? path + "?p=" + page : path;
	}

	/** "3 papers, Jan 3, 2024 to Mar 1, 2024": for the heading and the page's description. */
	public String summary() {
		long papers = this.author.papers();
		StringBuilder summary = new StringBuilder().append(papers).append((papers == 1) ? " paper" : " papers");
		if (this.author.firstPublished() != null) {
			String first = PaperPage.date(this.author.firstPublished());
			String last = PaperPage.date(this.author.lastPublished());
			summary.append(first.equals(last) ? ", " + first : ", " + first + " to " + last);
		}
		return summary.toString();
	}

}
