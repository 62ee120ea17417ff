package io.paperboy.foryou;

import java.util.List;
import java.util.Map;

import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperListing;
import io.paperboy.web.SiteProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/papers/for-you}: the signed-in member's feed, in the layout of {@code /api/daily_papers}
 * with a {@code reason} on each item. {@code web.SecurityConfiguration} answers anyone else 401.
 */
@RestController
@Tag(name = "For you", description = "A signed-in member's papers, ranked by what they showed interest in")
class ForYouApiController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final ForYou forYou;

	private final Catalog catalog;

	private final JsonMapper json;

	private final SiteProperties site;

	ForYouApiController(ForYou forYou, Catalog catalog, JsonMapper json, SiteProperties site) {
		this.forYou = forYou;
		this.catalog = catalog;
		this.json = json;
		this.site = site;
	}

	@Operation(summary = "Your papers of a window, best first, each with the reason it is there",
			description = "For a signed-in member. Papers listed on a daily list or published on arXiv from `from` to "
					+ "`to` (default: the last 7 days), ranked by a model of your saves, upvotes, submissions and "
					+ "comments; papers by authors you follow come first, papers you are not interested in never. "
					+ "Items are shaped like /api/daily_papers items, plus `reason`.")
	@GetMapping("/api/papers/for-you")
	ResponseEntity<List<ApiForYouItem>> forYou(Member member,
			@Parameter(description = "the first day, YYYY-MM-DD; default 6 days before `to`") @RequestParam(required = false) String from,
			@Parameter(description = "the last day, YYYY-MM-DD; default today (UTC)") @RequestParam(required = false) String to,
			@Parameter(description = "papers, 1 to 100, default 50") @RequestParam(required = false) String limit) {
		ForYou.Feed feed = this.forYou.feed(member.id(), this.forYou.window(from, to, limit));
		List<String> ids = feed.items().stream().map(ForYou.Item::paperId).toList();
		Map<String, PaperListing> listings = new java.util.HashMap<>();
		this.catalog.listingsOf(ids).forEach((listing) -> listings.put(listing.paper().id(), listing));
		List<ApiForYouItem> items = feed.items()
			.stream()
			.filter((item) -> listings.containsKey(item.paperId()))
			.map((item) -> {
				PaperListing listing = listings.get(item.paperId());
				return ApiForYouItem.of(listing, organization(listing), this.site.baseUrl(), item.reason());
			})
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(items);
	}

	private Map<String, Object> organization(PaperListing listing) {
		String stored = (listing.entry() != null) ? listing.entry().organization() : null;
		return (stored != null) ? this.json.readValue(stored, OBJECT) : null;
	}

}
