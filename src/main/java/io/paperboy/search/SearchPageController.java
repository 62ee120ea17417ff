package io.paperboy.search;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.paperboy.account.Viewer;
import io.paperboy.community.Votes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /papers/search}: the search page, with results as cards, highlights and facets. */
@Controller
class SearchPageController {

	static final int PAGE_SIZE = 20;

	/** Pages of results a reader may go through: beyond, results are no longer worth reading. */
	static final int MAX_PAGE = 50;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final PaperSearch search;

	private final Votes votes;

	private final Clock clock;

	private final IndexSync sync;

	private final TemplateEngine templates;

	SearchPageController(PaperSearch search, Votes votes, Clock clock, IndexSync sync, TemplateEngine templates) {
		this.templates = templates;
		this.search = search;
		this.votes = votes;
		this.clock = clock;
		this.sync = sync;
	}

	/**
	 * The page, rendered into bytes and sent in one piece: rendered through the servlet's writer, each
	 * of the thousands of pieces of a page of cards went through the response wrappers and Tomcat's
	 * character encoder one by one, a quarter of a word search's time under load (docs/search.md).
	 */
	@GetMapping("/papers/search")
	ResponseEntity<byte[]> search(@RequestParam(required = false) String q, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String category,
			@RequestParam(required = false) String year, @RequestParam(name = "p", required = false) String p,
			Locale locale, HttpServletResponse response) {
		// as a view's rendering does: the response says the request's language (Content-Language)
		response.setLocale(locale);
		int page = page(p);
		SearchRequest request = PaperSearch.request(q, mode, sort, from, to, category, year,
				(page - 1) * PAGE_SIZE, null, PAGE_SIZE);
		SearchPage results = SearchPage.of(this.search.search(request), (q != null) ? q : "", page, PAGE_SIZE);
		Map<String, Object> model = new HashMap<>();
		model.put("page", results);
		Viewer viewer = Viewer.current();
		model.put("ballot", this.votes.ballot(viewer,
				results.hits().stream().map((hit) -> hit.listing().paper().id()).toList()));
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(HTML);
		if (!viewer.isAnonymous()) {
			// the cards show the member's own votes
			answer.cacheControl(CacheControl.noStore().cachePrivate());
		}
		model.put("now", this.clock.instant());
		RebuildProgress building = this.sync.rebuildProgress();
		if (building != null) {
			// while an empty index fills, newest first, readers are told why older papers are missing
			model.put("building", building);
		}
		Utf8ByteOutput output = new Utf8ByteOutput();
		this.templates.render("search/search.jte", model, output);
		return answer.body(output.toByteArray());
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
