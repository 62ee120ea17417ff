package io.paperboy.library;

import java.util.List;

import io.paperboy.account.User;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.Ballot;

/**
 * A collection's page: its owner's editing page ({@code /library/collections/{id}}) or its public
 * page ({@code /u/{username}/collections/{slug}}).
 *
 * @param owner whose collection it is
 * @param collection the collection
 * @param papers its papers, in order
 * @param notes the notes on them, by paper id
 * @param ballot the visitor's votes and CSRF token
 * @param mine whether the visitor owns it (the editing forms show)
 */
public record CollectionView(User owner, PaperCollection collection, List<PaperListing> papers,
		java.util.Map<String, String> notes, Ballot ballot, boolean mine) {

	/** The public page (a private collection's only to its owner). */
	public String publicPath() {
		return "/u/" + this.owner.username() + "/collections/" + this.collection.slug();
	}

	public String note(String paperId) {
		return this.notes.getOrDefault(paperId, "");
	}

}
