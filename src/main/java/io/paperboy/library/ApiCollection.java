package io.paperboy.library;

import java.time.Instant;
import java.util.List;

/**
 * A collection as the API gives it.
 *
 * @param id its id, the API's address of it
 * @param slug its address among the member's collections
 * @param name its name
 * @param description its description (may be empty)
 * @param isPublic whether anyone may read it, at {@code url}
 * @param url its public page, {@code /u/{username}/collections/{slug}}
 * @param createdAt when it was created
 * @param updatedAt when it or its papers last changed
 * @param paperCount how many papers it holds
 * @param papers its papers, in order, with notes ({@code null} in lists of collections)
 */
public record ApiCollection(long id, String slug, String name, String description, boolean isPublic, String url,
		Instant createdAt, Instant updatedAt, int paperCount, List<CollectionItem> papers) {

	static ApiCollection of(PaperCollection collection, String username, List<CollectionItem> papers) {
		return new ApiCollection(collection.id(), collection.slug(), collection.name(), collection.description(),
				collection.isPublic(), "/u/" + username + "/collections/" + collection.slug(), collection.createdAt(),
				collection.updatedAt(), collection.papers(), papers);
	}

}
