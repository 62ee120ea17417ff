package io.paperboy.library;

import java.time.Instant;
import java.util.List;

import io.paperboy.community.UserComment;

/**
 * Everything a member gave the site, as they download it (JSON).
 *
 * @param exportedAt when this copy was made
 * @param username their handle
 * @param displayName their name as shown
 * @param saved their library, newest first
 * @param notInterested papers they hid from their personal views
 * @param following authors they follow
 * @param categories arXiv categories they picked for their "For you" feed
 * @param collections their collections, with the papers and notes on each
 * @param upvoted papers they upvoted, most recent first
 * @param submitted papers they submitted, most recent first
 * @param comments their comments that still stand, newest first
 */
public record MemberData(Instant exportedAt, String username, String displayName, List<TimedPaper> saved,
		List<TimedPaper> notInterested, List<FollowedAuthor> following, List<PickedCategory> categories, List<Collection> collections,
		List<String> upvoted, List<String> submitted, List<Comment> comments) {

	/** A collection and its papers. */
	public record Collection(String slug, String name, String description, boolean isPublic, Instant createdAt,
			Instant updatedAt, List<CollectionItem> papers) {

		static Collection of(PaperCollection collection, List<CollectionItem> items) {
			return new Collection(collection.slug(), collection.name(), collection.description(), collection.isPublic(),
					collection.createdAt(), collection.updatedAt(), items);
		}

	}

	/** A comment, as its author wrote it (Markdown). */
	public record Comment(String paperId, Instant createdAt, Instant editedAt, String markdown) {

		static Comment of(UserComment comment) {
			return new Comment(comment.paperId(), comment.createdAt(), comment.editedAt(), comment.markdown());
		}

	}

}
