package io.paperboy.search;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import io.paperboy.catalog.ApiPaper;
import io.paperboy.catalog.ArxivId;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.web.SiteProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/papers/search}, compatible with Hugging Face's endpoint of the same name, and
 * {@code GET /api/papers/{id}/similar}.
 */
@RestController
@Tag(name = "Search", description = "Papers by words and by meaning, and the papers most like a paper")
class SearchApiController {

	private static final int DEFAULT_LIMIT = 50;

	private final PaperSearch search;

	private final Catalog catalog;

	private final ApiSearchItems items;

	SearchApiController(PaperSearch search, Catalog catalog, JsonMapper json, SiteProperties site) {
		this.search = search;
		this.catalog = catalog;
		this.items = new ApiSearchItems(json, site.baseUrl());
	}

	@Operation(summary = "Papers matching a query, best first",
			description = "Hugging Face-compatible: items shaped like /api/daily_papers items, with highlightedTitle and "
					+ "highlightedSummary as pieces of type text or highlight. The query language: plain words, "
					+ "\"phrases\", author:, title:, abstract:, category:, and -word to exclude.")
	@ApiResponse(responseCode = "200", description = "OK",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApiSearchItem.class))))
	@GetMapping("/api/papers/search")
	List<ApiSearchItems.Item> search(@Parameter(description = "the query, up to 250 characters") @RequestParam String q,
			@Parameter(description = "results, 1 to 120, default 50") @RequestParam(required = false) String limit,
			@Parameter(description = "text, semantic or hybrid (default)") @RequestParam(required = false) String mode,
			@Parameter(description = "relevance (default), date or upvotes") @RequestParam(required = false) String sort,
			@Parameter(description = "published on or after, YYYY-MM-DD") @RequestParam(required = false) String from,
			@Parameter(description = "published on or before, YYYY-MM-DD") @RequestParam(required = false) String to,
			@Parameter(description = "an arXiv category, such as cs.CL") @RequestParam(required = false) String category,
			@Parameter(description = "a year of publication") @RequestParam(required = false) String year) {
		SearchRequest request = PaperSearch.request(q, mode, sort, from, to, category, year, 0, limit, DEFAULT_LIMIT);
		return this.items.of(this.search.search(request, false).hits());
	}

	@Operation(summary = "The papers most like a paper",
			description = "Best first, the paper itself left out: by meaning once the paper is embedded, "
					+ "by its words (title and abstract) until then.")
	@GetMapping("/api/papers/{id}/similar")
	List<ApiPaper> similar(@PathVariable String id,
			@Parameter(description = "papers, 1 to 50, default 10") @RequestParam(required = false) String limit) {
		return similar(ArxivId.parse(id), limit);
	}

	@Operation(summary = "The papers most like a paper with an old-style id, such as hep-th/9901001")
	@GetMapping("/api/papers/{archive}/{number:\\d{7}(?:v\\d+)?}/similar")
	List<ApiPaper> oldStyleSimilar(@PathVariable String archive, @PathVariable String number,
			@Parameter(description = "papers, 1 to 50, default 10") @RequestParam(required = false) String limit) {
		return similar(ArxivId.parse(archive + "/" + number), limit);
	}

	private List<ApiPaper> similar(ArxivId id, String limit) {
		int count = PaperSearch.similarLimit(limit, SimilarPapers.ON_PAPER_PAGE);
		if (this.catalog.findPaper(id.id()).isEmpty()) {
			throw new PaperNotFoundException(id.id());
		}
		return this.search.similar(id.id(), count).stream().map(ApiPaper::flat).toList();
	}

}
