package io.paperboy.community;

import java.util.Set;

import io.paperboy.account.Viewer;
import io.paperboy.account.ViewerButtons;

/**
 * What the upvote buttons of one page show its visitor: for an anonymous visitor a link to sign in
 * (no form, no token: such a page can be kept and sent to every anonymous visitor); for a member a
 * form carrying their CSRF token, pressed on the papers they voted for.
 *
 * @param viewer who looks at the page, and from which address (where a button sends them back to)
 * @param upvoted the papers of the page this member voted for; empty for anonymous visitors
 */
public record Ballot(Viewer viewer, Set<String> upvoted) implements ViewerButtons {

	public Ballot {
		upvoted = Set.copyOf(upvoted);
	}

	/**
	 * The visitor of the current request, with no votes known: right for anonymous visitors; a
	 * page that shows members' cards asks {@link Votes#ballot} instead, so pressed buttons show.
	 */
	public static Ballot current() {
		return new Ballot(Viewer.current(), Set.of());
	}

	/**
	 * An anonymous visitor of the page at {@code path}: what a page kept for every anonymous
	 * visitor is rendered with, so that nothing of the request that rendered it (a query string)
	 * is kept with it.
	 */
	public static Ballot anonymous(String path) {
		return new Ballot(new Viewer(null, null, path), Set.of());
	}

	/** Whether the member voted for this paper. */
	public boolean hasUpvoted(String paperId) {
		return this.upvoted.contains(paperId);
	}

}
