package io.paperboy.ingest.arxiv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One page of an arXiv API search.
 *
 * @param searchQuery the query in arXiv's syntax ({@code cat:cs.AI OR cat:cs.CL}, {@code ti:transformer})
 * @param sortBy what to sort by
 * @param sortOrder which way
 * @param start the index of the first result wanted, from 0
 * @param maxResults how many results at most
 */
public record ArxivQuery(String searchQuery, SortBy sortBy, SortOrder sortOrder, int start, int maxResults) {

	public ArxivQuery {
		if (searchQuery == null || searchQuery.isBlank()) {
			throw new IllegalArgumentException("A search needs a query");
		}
		if (start < 0 || maxResults < 1) {
			throw new IllegalArgumentException("start must be 0 or more and maxResults 1 or more");
		}
	}

	/** The newest submissions first in any of these categories ({@code cat:cs.AI OR cat:cs.CL}). */
	public static ArxivQuery newestIn(List<String> categories, int start, int maxResults) {
		String query = categories.stream().map((category) -> "cat:" + category).collect(Collectors.joining(" OR "));
		return new ArxivQuery(query, SortBy.SUBMITTED_DATE, SortOrder.DESCENDING, start, maxResults);
	}

	/** The same search, from another start. */
	public ArxivQuery startingAt(int start) {
		return new ArxivQuery(this.searchQuery, this.sortBy, this.sortOrder, start, this.maxResults);
	}

	/** arXiv's {@code sortBy} values. */
	public enum SortBy {

		RELEVANCE("relevance"), LAST_UPDATED_DATE("lastUpdatedDate"), SUBMITTED_DATE("submittedDate");

		private final String parameter;

		SortBy(String parameter) {
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

	/** arXiv's {@code sortOrder} values. */
	public enum SortOrder {

		ASCENDING("ascending"), DESCENDING("descending");

		private final String parameter;

		SortOrder(String parameter) {
			this.parameter = parameter;
		}

		String parameter() {
			return this.parameter;
		}

	}

}
