package io.paperboy.library;

import java.util.List;
import java.util.Map;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.Paper;
import io.paperboy.community.UserComment;

/**
 * The model of {@code /settings/signals}.
 *
 * @param viewer the member, with the CSRF token of the removal forms
 * @param signals their signals
 * @param shown how many of each kind the page lists
 * @param papers the papers named, by id, for their titles
 * @param following the authors they follow
 * @param categories the arXiv categories they picked for their "For you" feed
 * @param collections their collections
 * @param comments their comments that still stand
 */
public record SignalsView(Viewer viewer, MemberSignals signals, int shown, Map<String, Paper> papers,
		List<FollowedAuthor> following, List<PickedCategory> categories, List<PaperCollection> collections, List<UserComment> comments) {

	/** The paper's title, or its id when it left the catalog. */
	public String title(String paperId) {
		Paper paper = this.papers.get(paperId);
		return (paper != null) ? paper.displayTitle() : paperId;
	}

	public <T> List<T> first(List<T> list) {
		return (list.size() > this.shown) ? list.subList(0, this.shown) : list;
	}

}
