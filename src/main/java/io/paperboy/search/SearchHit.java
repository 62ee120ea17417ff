package io.paperboy.search;

import java.util.List;

import io.paperboy.catalog.PaperListing;

/**
 * A paper found, with the words that matched marked.
 *
 * @param listing the paper with its daily entry and submitter
 * @param title the whole title, highlighted
 * @param summary the whole abstract, highlighted for the API (plain for the page, which shows the excerpt)
 * @param excerpt the passage of the abstract that matched best, highlighted, for a card (empty for the
 * API, which shows the whole abstract)
 */
public record SearchHit(PaperListing listing, List<HighlightSegment> title, List<HighlightSegment> summary,
		List<HighlightSegment> excerpt) {
}
