package io.paperboy.ingest.arxiv;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * One answer of arXiv's API: its entries, and where the page sits in the whole result.
 *
 * @param totalResults how many results the search has in all ({@code opensearch:totalResults})
 * @param startIndex the index of this page's first result ({@code opensearch:startIndex})
 * @param itemsPerPage the page size arXiv applied ({@code opensearch:itemsPerPage})
 * @param entries the entries that could be read, in arXiv's order
 * @param rejected why each entry that could not be used was left out (an id that is not an arXiv
 * id, a missing date), one reason per entry
 */
@NamedInterface("arxiv")
public record ArxivFeed(long totalResults, long startIndex, long itemsPerPage, List<ArxivEntry> entries,
		List<String> rejected) {

	public ArxivFeed {
		entries = List.copyOf(entries);
		rejected = List.copyOf(rejected);
	}

	/** Entries read plus entries rejected: what arXiv sent on this page. */
	public int size() {
		return this.entries.size() + this.rejected.size();
	}

}
