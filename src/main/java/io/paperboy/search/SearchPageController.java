package io.paperboy.search;

import java.time.Clock;

import io.paperboy.account.Viewer;
import io.paperboy.community.Votes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /papers/search}: the search page, with results as cards, highlights and facets. */
@Controller
class SearchPageController {

	static final int PAGE_SIZE = 20;

	/** Pages of results a reader may go through: beyond, results are no longer worth reading. */
	static final int MAX_PAGE = 50;

	private final PaperSearch search;

	private final Votes votes;

	private final Clock clock;

	private final IndexSync sync;

	SearchPageController(PaperSearch search, Votes votes, Clock clock, IndexSync sync) {
		this.search = search;
		this.votes = votes;
		this.clock = clock;
		this.sync = sync;
	}

	@GetMapping("/papers/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String category,
			@RequestParam(required = false) String year, @RequestParam(name = "p", required = false) String p,
			Model model, HttpServletResponse response) {
		int page = page(p);
		SearchRequest request = PaperSearch.request(q, mode, sort, from, to, category, year,
				(page - 1) * PAGE_SIZE, null, PAGE_SIZE);
		SearchPage results = SearchPage.of(this.search.search(request), (q != null) ? q : "", page, PAGE_SIZE);
		model.addAttribute("page", results);
		Viewer viewer = Viewer.current();
		model.addAttribute("ballot", this.votes.ballot(viewer,
				results.hits().stream().map((hit) -> hit.listing().paper().id()).toList()));
		if (!viewer.isAnonymous()) {
			// the cards show the member's own votes
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		}
		model.addAttribute("now", this.clock.instant());
		RebuildProgress building = this.sync.rebuildProgress();
		if (building != null) {
			// while an empty index fills, newest first, readers are told why older papers are missing
			model.addAttribute("building", building);
		}
		return "search/search";
	}

	private static int page(String p) {
		if (p == null || p.isBlank()) {
			return 1;
		}
		try {
			int page = Integer.parseInt(p.strip());
			if (page >= 1 && page <= MAX_PAGE) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new io.paperboy.web.BadRequestException("The page must be a number from 1 to " + MAX_PAGE + ".");
	}

}
