package io.paperboy.library;

import java.time.Instant;

import io.paperboy.catalog.Author;

/**
 * An author a member follows.
 *
 * @param nameKey the author's key ({@link Author#nameKey}), which finds their papers however the
 * name is spelt
 * @param name the name as the member saw it when they followed
 * @param followedAt when they followed
 */
public record FollowedAuthor(String nameKey, String name, Instant followedAt) {

	/** The author's page. */
	public String pagePath() {
		return Author.pagePath(this.name);
	}

}
