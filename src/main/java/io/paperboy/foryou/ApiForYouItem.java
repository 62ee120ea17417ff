package io.paperboy.foryou;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperboy.catalog.ApiPaper;
import io.paperboy.catalog.ApiPaper.ApiUser;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;

/**
 * One item of {@code GET /api/papers/for-you}: a {@code /api/daily_papers} item (the paper nested, the
 * list entry's fields beside it) with the {@code reason} the paper is in the member's feed. A paper on no
 * daily list has its arXiv publication time as {@code publishedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiForYouItem(ApiPaper paper, String publishedAt, String title, String summary, String thumbnail,
		int numComments, ApiUser submittedBy, List<String> mediaUrls, Boolean isAuthorParticipating,
		Map<String, Object> organization, String reason) {

	static ApiForYouItem of(PaperListing listing, Map<String, Object> organization, String baseUrl, String reason) {
		DailyEntry entry = listing.entry();
		return new ApiForYouItem(ApiPaper.nested(listing),
				ApiPaper.timestamp((entry != null) ? entry.submittedAt() : listing.paper().publishedAt()),
				listing.paper().title(), listing.paper().summary(), baseUrl + listing.paper().thumbnailPath(),
				listing.paper().numComments(), ApiUser.asSubmittedBy(listing.submitter()),
				(entry != null) ? entry.mediaUrls() : List.of(), (entry != null) ? entry.authorParticipating() : null,
				organization, reason);
	}

}
