package io.paperboy.library;

import java.util.Set;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.Author;

/**
 * Whether the follow buttons of an author page or a paper page show as pressed: for a member, whether
 * they follow that author; for an anonymous visitor never (their button is a link to sign in).
 */
public final class FollowButtons {

	private FollowButtons() {
	}

	/** Whether {@code viewer}, the visitor the page is rendered for, follows the author so named. */
	public static boolean following(Viewer viewer, String name) {
		Library library = library(viewer);
		return library != null && library.follows(viewer.member().id(), name);
	}

	/**
	 * The authors {@code viewer} follows, by {@link Author#nameKey key}, read once for a page with many
	 * authors; empty for an anonymous visitor.
	 */
	public static Set<String> followedKeys(Viewer viewer) {
		Library library = library(viewer);
		return (library != null) ? library.followedKeys(viewer.member().id()) : Set.of();
	}

	/** Whether the author so named is among these keys. */
	public static boolean among(Set<String> keys, String name) {
		return keys.contains(Author.nameKey(name));
	}

	private static Library library(Viewer viewer) {
		if (viewer.isAnonymous()) {
			return null;
		}
		return RenderingRequest.current().map(RenderingRequest::library).orElse(null);
	}

}
