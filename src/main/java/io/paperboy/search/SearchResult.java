package io.paperboy.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;

/**
 * What a search found.
 *
 * @param ids the papers of the requested page, best first
 * @param total how many papers the search found in all
 * @param wordMatches of those, how many have the words (in {@code semantic} mode: the known items)
 * @param meaningOnly of those, how many were found by meaning alone
 * @param categories papers found per arXiv category, most first
 * @param years papers found per year of publication, most recent first
 * @param textQuery the compiled word query, for highlighting; {@code null} when there were no words
 * @param semantic whether meaning took part in the ranking (false when the query could not be embedded,
 * or only words can answer it)
 * @param embedded papers in the index that have a vector (can be found by meaning)
 * @param indexed papers in the index
 * @param capped whether more papers have the words than were counted ({@value PaperSearcher#COUNTED},
 * on the page): {@code wordMatches} is then that bound, and the facets count the first that many
 */
record SearchResult(List<String> ids, int total, int wordMatches, int meaningOnly, Map<String, Integer> categories,
		Map<String, Integer> years, Query textQuery, boolean semantic, int embedded, int indexed,
		boolean capped) {

	static SearchResult empty() {
		return new SearchResult(List.of(), 0, 0, 0, Map.of(), Map.of(), null, false, 0, 0, false);
	}

}
