package io.paperboy.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperboy.catalog.ApiPaper;
import io.paperboy.catalog.ApiPaper.ApiUser;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;

/**
 * One item of {@code GET /api/papers/search}, in Hugging Face's layout: a daily-list item (the paper
 * nested, the list entry's fields beside it) with the title and abstract as highlighted pieces. A
 * paper on no daily list has its arXiv publication time as {@code publishedAt}. {@code thumbnail} is
 * this site's image of the first page, as {@code /api/daily_papers} gives it.
 * <p>
 * The answer is written by {@link ApiSearchItems}, byte for byte as this record would be; the record
 * describes the shape (for the API's documentation) and is what that writing is checked against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiSearchItem(ApiPaper paper, String publishedAt, String title, String summary, String thumbnail,
		int numComments, ApiUser submittedBy, List<String> mediaUrls, Boolean isAuthorParticipating,
		Map<String, Object> organization, List<HighlightSegment> highlightedTitle,
		List<HighlightSegment> highlightedSummary) {

	static ApiSearchItem of(PaperListing listing, Map<String, Object> organization, String baseUrl,
			List<HighlightSegment> highlightedTitle, List<HighlightSegment> highlightedSummary) {
		DailyEntry entry = listing.entry();
		return new ApiSearchItem(ApiPaper.nested(listing),
				ApiPaper.timestamp((entry != null) ? entry.submittedAt() : listing.paper().publishedAt()),
				listing.paper().title(), listing.paper().summary(), baseUrl + listing.paper().thumbnailPath(),
				listing.paper().numComments(), ApiUser.asSubmittedBy(listing.submitter()),
				(entry != null) ? entry.mediaUrls() : List.of(), (entry != null) ? entry.authorParticipating() : null,
				organization, highlightedTitle, highlightedSummary);
	}

}
