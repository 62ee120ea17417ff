package io.paperboy.search;

import java.util.List;
import java.util.Map;

/**
 * The papers a search found, ready to show.
 *
 * @param request what was asked
 * @param hits the page of papers found
 * @param total papers found in all
 * @param wordMatches of those, papers that have the words (in {@code semantic} mode: the known items)
 * @param meaningOnly of those, papers found by meaning alone
 * @param categories papers found per arXiv category, most first
 * @param years papers found per year, most recent first
 * @param semantic whether meaning took part in the ranking
 * @param embedded papers that can be found by meaning (have a vector)
 * @param indexed papers that can be found by words
 * @param capped whether more papers have the words than were counted: {@code wordMatches} is then
 * the bound, and the facets count the first that many
 * @param meaningOffer when nothing was found but a search by meaning finds papers close to these
 * words, the words to offer it for; otherwise {@code null}
 */
record SearchOutcome(SearchRequest request, List<SearchHit> hits, int total, int wordMatches, int meaningOnly,
		Map<String, Integer> categories, Map<String, Integer> years, boolean semantic, int embedded, int indexed,
		boolean capped, String meaningOffer) {

	static SearchOutcome empty(SearchRequest request) {
		return new SearchOutcome(request, List.of(), 0, 0, 0, Map.of(), Map.of(), false, 0, 0, false, null);
	}

}
