package io.paperboy.catalog;

import java.util.List;

/**
 * One author of a paper, in the order the paper lists them.
 *
 * @param name the name as the source spells it
 * @param sourceId the author's id at the source that supplied it (Hugging Face's {@code _id}), if any
 * @param hidden whether the source hides this author from listings
 * @param affiliations the author's affiliations as arXiv gives them, possibly none
 */
public record Author(String name, String sourceId, boolean hidden, List<String> affiliations) {

	public Author {
		affiliations = List.copyOf(affiliations);
	}

	/** An author as a daily list describes them: no affiliations. */
	public Author(String name, String sourceId, boolean hidden) {
		this(name, sourceId, hidden, List.of());
	}

	/** An author as arXiv describes them: a name and affiliations. */
	public static Author fromArxiv(String name, List<String> affiliations) {
		return new Author(name, null, false, affiliations);
	}

}
