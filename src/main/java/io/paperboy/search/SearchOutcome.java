package io.paperboy.search;

import java.util.List;
import java.util.Map;

/**
 * The papers a search found, ready to show.
 *
 * @param request what was asked
 * @param hits the page of papers found
 * @param total papers found in all
 * @param categories papers found per arXiv category, most first
 * @param years papers found per year, most recent first
 * @param semantic whether meaning took part in the ranking
 */
record SearchOutcome(SearchRequest request, List<SearchHit> hits, int total, Map<String, Integer> categories,
		Map<String, Integer> years, boolean semantic) {
}
