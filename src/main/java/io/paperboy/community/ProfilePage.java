package io.paperboy.community;

import java.util.List;

import io.paperboy.catalog.PaperListing;

/**
 * What {@code /u/{username}} shows.
 *
 * @param person whom the page is about
 * @param submitted the papers they submitted to the daily lists, most recent first (at most {@link #SHOWN})
 * @param submittedCount how many papers they submitted in all
 * @param upvoted the papers they upvoted, most recent vote first (at most {@link #SHOWN})
 * @param upvotedCount how many papers they upvoted in all
 * @param comments their comments that everyone can see, most recent first (at most {@link #SHOWN})
 * @param ballot what the upvote buttons of the cards show the visitor
 */
public record ProfilePage(Person person, List<PaperListing> submitted, long submittedCount,
		List<PaperListing> upvoted, long upvotedCount, List<UserComment> comments, Ballot ballot) {

	/** Papers and comments listed in each section. */
	public static final int SHOWN = 50;

	public ProfilePage {
		submitted = List.copyOf(submitted);
		upvoted = List.copyOf(upvoted);
		comments = List.copyOf(comments);
	}

}
