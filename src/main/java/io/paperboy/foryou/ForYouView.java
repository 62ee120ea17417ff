package io.paperboy.foryou;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Ballot;

/**
 * The model of {@code /papers/for-you}.
 *
 * @param feed the member's feed (its window, whether it is a cold start)
 * @param papers the feed's papers, best first
 * @param reasons why each paper is there, by paper id
 * @param ballot the member's votes and CSRF token, for the cards' buttons and the cold-start form
 * @param ids what the member typed in the cold-start form, kept when it was refused
 * @param error why the cold-start form was refused, or {@code null}
 * @param categories the categories the cold-start form offers as checkboxes, the site's most common first
 * @param picked the categories ticked: those the member picked, or ticked in a refused form
 * @param otherCategories the categories the member typed in a refused form
 * @param latest the window that ends on the most recent day with papers, when the feed's window holds none
 * and begins after that day (an archive older than today), or {@code null}
 */
public record ForYouView(ForYou.Feed feed, List<PaperListing> papers, Map<String, String> reasons, Ballot ballot,
		String ids, String error, List<String> categories, Set<String> picked, String otherCategories,
		ForYou.Window latest) {

	/** The reason of a paper of the feed. */
	public String reason(PaperListing listing) {
		return this.reasons.get(listing.paper().id());
	}

	/** Whether the category's checkbox is ticked. */
	public boolean ticked(String category) {
		return this.picked.contains(category);
	}

}
