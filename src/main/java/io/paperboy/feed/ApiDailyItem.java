package io.paperboy.feed;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperboy.catalog.ApiPaper;
import io.paperboy.catalog.ApiPaper.ApiUser;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;

/**
 * One item of {@code GET /api/daily_papers}, in Hugging Face's layout: the paper nested, and the
 * list entry's own fields beside it. {@code publishedAt} here is when the paper entered the list;
 * {@code thumbnail} is this site's image of the first page (a placeholder until it is made), as an
 * absolute address under {@code paperboy.base-url}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiDailyItem(ApiPaper paper, String publishedAt, String title, String summary, String thumbnail,
		int numComments, ApiUser submittedBy, List<String> mediaUrls, Boolean isAuthorParticipating,
		Map<String, Object> organization) {

	static ApiDailyItem of(PaperListing listing, Map<String, Object> organization, String baseUrl) {
		DailyEntry entry = listing.entry();
		return new ApiDailyItem(ApiPaper.nested(listing), ApiPaper.timestamp(entry.submittedAt()),
				listing.paper().title(), listing.paper().summary(), baseUrl + listing.paper().thumbnailPath(),
				listing.paper().numComments(),
				ApiUser.asSubmittedBy(listing.submitter()), entry.mediaUrls(), entry.authorParticipating(),
				organization);
	}

}
