package io.paperboy.feed;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.paperboy.HeapShare;
import io.paperboy.catalog.PaperListing;
import io.paperboy.web.SharedAnswers;
import io.paperboy.web.SiteProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/daily_papers}, compatible with Hugging Face's endpoint of the same name. Each
 * answer is serialised once per version of its list and then sent as it is (see
 * {@link Renditions}); to anonymous callers, ahead of the sign-in machinery (see {@link SharedAnswers}).
 */
@RestController
@Tag(name = "Daily lists", description = "The daily, weekly and monthly lists and the trending list, in Hugging Face's layout")
class DailyPapersApiController implements SharedAnswers {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final Comparator<PaperListing> BY_LISTING_TIME = Comparator
		.comparing((PaperListing listing) -> listing.entry().submittedAt(), Comparator.reverseOrder())
		.thenComparing((PaperListing listing) -> listing.paper().id());

	private static final byte[] EMPTY = "[]".getBytes(StandardCharsets.UTF_8);

	/** Room for a few hundred answers, which are up to 500 kB each (100 items). */
	private static final long SERIALISED_BYTES = 32 * 1024 * 1024;

	private final FeedService feed;

	private final Trending trending;

	private final SiteProperties site;

	private final JsonMapper json;

	private final Renditions<DailyPapersQuery.Key, Answer> answers = new Renditions<>(HeapShare.of(SERIALISED_BYTES),
			(answer) -> answer.body().size());

	DailyPapersApiController(FeedService feed, Trending trending, SiteProperties site, JsonMapper json) {
		this.feed = feed;
		this.trending = trending;
		this.site = site;
		this.json = json;
	}

	@Override
	public List<String> patterns() {
		return List.of("/api/daily_papers");
	}

	@Override
	public ResponseEntity<byte[]> answer(String pattern, Map<String, String> variables, HttpServletRequest request) {
		return dailyPapers(SharedRequests.parameter(request, "date"), SharedRequests.parameter(request, "week"),
				SharedRequests.parameter(request, "month"), SharedRequests.parameter(request, "submitter"),
				SharedRequests.parameter(request, "sort"), SharedRequests.parameter(request, "p"),
				SharedRequests.parameter(request, "limit"), SharedRequests.header(request, HttpHeaders.ACCEPT_ENCODING));
	}

	@Operation(summary = "Papers of a daily list, an ISO week, a month, or a submitter",
			description = "Hugging Face-compatible. Without date, week, month or submitter: the most recent day, "
					+ "or with sort=trending the trending list (the top " + Trending.MAX_DEPTH + "). "
					+ "A Link header with rel=\"next\" points to the next page when there is one.")
	@ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
			array = @ArraySchema(schema = @Schema(implementation = ApiDailyItem.class))))
	@GetMapping("/api/daily_papers")
	ResponseEntity<byte[]> dailyPapers(
			@Parameter(description = "a day, YYYY-MM-DD") @RequestParam(required = false) String date,
			@Parameter(description = "an ISO week, YYYY-Www") @RequestParam(required = false) String week,
			@Parameter(description = "a calendar month, YYYY-MM") @RequestParam(required = false) String month,
			@Parameter(description = "a submitter's username") @RequestParam(required = false) String submitter,
			@Parameter(description = "publishedAt or trending (highest trending score first; without date, week, month "
					+ "or submitter: the trending list); without it, a week or a month comes most upvoted first, "
					+ "anything else most recently listed first") @RequestParam(required = false) String sort,
			@Parameter(description = "page number, from 0") @RequestParam(required = false) String p,
			@Parameter(description = "items per page, 1 to 100, default 50") @RequestParam(required = false) String limit,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
		DailyPapersQuery query = DailyPapersQuery.parse(date, week, month, submitter, sort, p, limit,
				(date == null && week == null && month == null && submitter == null) ? this.feed.latestDay().orElse(null)
						: null);
		if (query.isEmpty()) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(EMPTY);
		}
		Answer answer;
		if (query.isOverallTrending()) {
			// one more than asked for tells whether there is a next page
			List<TrendingListing> ranked = this.trending.page(query.offset(), query.limit() + 1);
			answer = this.answers.get(query.key(), ranked, () -> trendingAnswer(query, ranked));
		}
		else {
			List<PaperListing> listings = (query.submitter() != null) ? this.feed.submittedBy(query.submitter())
					: this.feed.period(query.first(), query.last());
			// sorted by trending score, the answer also reads the scores: made again with each reload
			answer = (query.sort() == DailyPapersQuery.Sort.TRENDING)
					? this.answers.get(query.key(), listings, () -> answer(query, listings))
					: this.answers.getByContent(query.key(), listings, () -> answer(query, listings));
		}
		return answer.body().respond(MediaType.APPLICATION_JSON, acceptEncoding, answer.headers());
	}

	private Answer answer(DailyPapersQuery query, List<PaperListing> listings) {
		Comparator<PaperListing> order = switch (query.sort()) {
			case PUBLISHED_AT -> BY_LISTING_TIME;
			case TRENDING -> byTrending(listings);
			case UPVOTES -> FeedService.BY_UPVOTES;
		};
		List<PaperListing> sorted = FeedService.sorted(listings, order);
		long from = (long) query.page() * query.limit();
		List<PaperListing> shown = sorted.stream().skip(from).limit(query.limit()).toList();
		return answer(query, shown, from + query.limit() < sorted.size());
	}

	private Answer trendingAnswer(DailyPapersQuery query, List<TrendingListing> ranked) {
		List<PaperListing> shown = ranked.stream()
			.limit(query.limit())
			.map(TrendingListing::listing)
			.filter((listing) -> listing.entry() != null)
			.toList();
		return answer(query, shown, ranked.size() > query.limit());
	}

	private Answer answer(DailyPapersQuery query, List<PaperListing> shown, boolean more) {
		List<ApiDailyItem> items = shown.stream()
			.map((listing) -> ApiDailyItem.of(listing, organization(listing.entry().organization()),
					this.site.baseUrl()))
			.toList();
		String next = more ? "<" + query.nextPage(this.site.baseUrl()) + ">; rel=\"next\"" : null;
		return new Answer(EncodedBody.of(this.json.writeValueAsBytes(items)), next);
	}

	/**
	 * Highest trending score first; among equals (papers without votes), most recently listed first.
	 * Stored scores share one epoch, so comparing them compares the decayed scores.
	 */
	private Comparator<PaperListing> byTrending(List<PaperListing> listings) {
		Map<String, Double> scores = this.trending
			.storedScores(listings.stream().map((listing) -> listing.paper().id()).toList());
		return Comparator
			.comparingDouble((PaperListing listing) -> scores.getOrDefault(listing.paper().id(), 0.0))
			.reversed()
			.thenComparing(BY_LISTING_TIME);
	}

	private Map<String, Object> organization(String stored) {
		return (stored != null) ? this.json.readValue(stored, OBJECT) : null;
	}

	/** An answer as sent: the items as JSON, and the Link header's value when there is a next page. */
	private record Answer(EncodedBody body, String next, HttpHeaders headers) {

		Answer(EncodedBody body, String next) {
			this(body, next, headers(next));
		}

		/** Made once per answer: the same object each time lets the body reuse its response. */
		private static HttpHeaders headers(String next) {
			if (next == null) {
				return HttpHeaders.EMPTY;
			}
			HttpHeaders headers = new HttpHeaders();
			headers.add(HttpHeaders.LINK, next);
			return HttpHeaders.readOnlyHttpHeaders(headers);
		}

	}

}
