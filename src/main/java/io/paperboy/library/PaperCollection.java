package io.paperboy.library;

import java.time.Instant;

/**
 * A member's collection: a named list of papers, private unless made public.
 *
 * @param id the collection's id (the API's address of it)
 * @param memberId whose it is
 * @param slug its address among the member's collections, {@code /u/{username}/collections/{slug}}
 * @param name its name, as the member typed it (plain text)
 * @param description a sentence or two about it (plain text; may be empty)
 * @param isPublic whether anyone may read it (and its feed)
 * @param createdAt when it was created
 * @param updatedAt when it, or the papers on it, last changed
 * @param papers how many papers it holds
 */
public record PaperCollection(long id, long memberId, String slug, String name, String description, boolean isPublic,
		Instant createdAt, Instant updatedAt, int papers) {

	/** Where its owner edits it. */
	public String editPath() {
		return "/library/collections/" + this.id;
	}

}
