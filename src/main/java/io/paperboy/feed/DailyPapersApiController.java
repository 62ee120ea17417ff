package io.paperboy.feed;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.PaperListing;
import io.paperboy.web.SiteProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/daily_papers}, compatible with Hugging Face's endpoint of the same name. */
@RestController
class DailyPapersApiController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final Comparator<PaperListing> BY_LISTING_TIME = Comparator
		.comparing((PaperListing listing) -> listing.entry().submittedAt(), Comparator.reverseOrder())
		.thenComparing((PaperListing listing) -> listing.paper().id());

	private final FeedService feed;

	private final SiteProperties site;

	private final JsonMapper json;

	DailyPapersApiController(FeedService feed, SiteProperties site, JsonMapper json) {
		this.feed = feed;
		this.site = site;
		this.json = json;
	}

	@Operation(summary = "Papers of a daily list, an ISO week, a month, or a submitter",
			description = "Hugging Face-compatible. Without date, week, month or submitter: the most recent day. "
					+ "A Link header with rel=\"next\" points to the next page when there is one.")
	@GetMapping("/api/daily_papers")
	ResponseEntity<List<ApiDailyItem>> dailyPapers(
			@Parameter(description = "a day, YYYY-MM-DD") @RequestParam(required = false) String date,
			@Parameter(description = "an ISO week, YYYY-Www") @RequestParam(required = false) String week,
			@Parameter(description = "a calendar month, YYYY-MM") @RequestParam(required = false) String month,
			@Parameter(description = "a submitter's username") @RequestParam(required = false) String submitter,
			@Parameter(description = "publishedAt (default) or trending") @RequestParam(required = false) String sort,
			@Parameter(description = "page number, from 0") @RequestParam(required = false) String p,
			@Parameter(description = "items per page, 1 to 100, default 50") @RequestParam(required = false) String limit) {
		DailyPapersQuery query = DailyPapersQuery.parse(date, week, month, submitter, sort, p, limit,
				(date == null && week == null && month == null && submitter == null) ? this.feed.latestDay().orElse(null)
						: null);
		if (query.isEmpty()) {
			return ResponseEntity.ok(List.of());
		}
		List<PaperListing> listings = (query.submitter() != null) ? this.feed.submittedBy(query.submitter())
				: this.feed.period(query.first(), query.last());
		Comparator<PaperListing> order = (query.sort() == DailyPapersQuery.Sort.TRENDING) ? FeedService.BY_UPVOTES
				: BY_LISTING_TIME;
		List<PaperListing> sorted = FeedService.sorted(listings, order);
		long from = (long) query.page() * query.limit();
		List<ApiDailyItem> items = sorted.stream()
			.skip(from)
			.limit(query.limit())
			.map((listing) -> ApiDailyItem.of(listing, organization(listing.entry().organization())))
			.toList();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (from + query.limit() < sorted.size()) {
			response.header(HttpHeaders.LINK, "<" + query.nextPage(this.site.baseUrl()) + ">; rel=\"next\"");
		}
		return response.body(items);
	}

	private Map<String, Object> organization(String stored) {
		return (stored != null) ? this.json.readValue(stored, OBJECT) : null;
	}

}
