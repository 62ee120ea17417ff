package io.paperboy.search;

import java.time.LocalDate;

/**
 * A search as the doors pass it on.
 *
 * @param query the reader's query
 * @param mode words, meaning, or both
 * @param sort the order of results
 * @param from papers published on or after this day, if given
 * @param to papers published on or before this day, if given
 * @param category only papers in this arXiv category, if given
 * @param year only papers published in this year, if given
 * @param offset results to skip
 * @param limit results to return
 */
record SearchRequest(SearchQuery query, Mode mode, Sort sort, LocalDate from, LocalDate to, String category,
		Integer year, int offset, int limit) {

	/** How results are found. */
	enum Mode {

		/** BM25 over the words. */
		TEXT,
		/** Nearest neighbours of the query's embedding. */
		SEMANTIC,
		/** Both, fused by reciprocal rank. */
		HYBRID;

		static Mode parse(String value) {
			return (value == null || value.isBlank()) ? null : switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
				case "text" -> TEXT;
				case "semantic" -> SEMANTIC;
				case "hybrid" -> HYBRID;
				default -> null;
			};
		}

	}

	/** The order of results. */
	enum Sort {

		RELEVANCE, DATE, UPVOTES;

		static Sort parse(String value) {
			return (value == null || value.isBlank()) ? null : switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
				case "relevance" -> RELEVANCE;
				case "date", "publishedat" -> DATE;
				case "upvotes" -> UPVOTES;
				default -> null;
			};
		}

	}

	static SearchRequest of(String query, Mode mode) {
		return new SearchRequest(SearchQuery.parse(query), mode, Sort.RELEVANCE, null, null, null, null, 0, 10);
	}

	SearchRequest withLimit(int limit) {
		return new SearchRequest(this.query, this.mode, this.sort, this.from, this.to, this.category, this.year,
				this.offset, limit);
	}

}
