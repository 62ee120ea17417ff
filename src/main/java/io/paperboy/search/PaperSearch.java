package io.paperboy.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperListing;
import io.paperboy.web.BadRequestException;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Search, the one service behind the search page, the search API and similar papers: it checks the
 * request, asks the index, and reads the papers found from the catalog.
 */
@Service
class PaperSearch {

	private static final Logger logger = LoggerFactory.getLogger(PaperSearch.class);

	/** The longest query accepted, as on Hugging Face. */
	static final int MAX_QUERY_LENGTH = 250;

	static final int MAX_LIMIT = 120;

	/** Characters of the abstract shown on a card. */
	private static final int EXCERPT = 280;

	private final IndexSync sync;

	private final QueryVectors queryVectors;

	private final Catalog catalog;

	private final SearchProperties properties;

	private final Analyzer analyzer = PaperFields.analyzer();

	private final Highlighting highlighting = new Highlighting(this.analyzer);

	private final RecentListings listings;

	PaperSearch(IndexSync sync, Embedder embedder, Catalog catalog, RecentListings listings,
			SearchProperties properties) {
		this.sync = sync;
		this.queryVectors = new QueryVectors(embedder);
		this.catalog = catalog;
		this.listings = listings;
		this.properties = properties;
	}

	/**
	 * A request from the doors' parameters, checked.
	 * @throws BadRequestException for a query longer than {@value #MAX_QUERY_LENGTH} characters, a
	 * limit out of 1..{@value #MAX_LIMIT}, an unknown mode or sort, or a malformed date or year
	 */
	static SearchRequest request(String q, String mode, String sort, String from, String to, String category,
			String year, int offset, String limit, int defaultLimit) {
		String query = (q != null) ? q : "";
		if (query.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("The query is longer than " + MAX_QUERY_LENGTH + " characters.");
		}
		SearchRequest.Mode parsedMode = SearchRequest.Mode.parse(mode);
		if (mode != null && !mode.isBlank() && parsedMode == null) {
			throw new BadRequestException("Unknown mode: use text, semantic or hybrid.");
		}
		SearchRequest.Sort parsedSort = SearchRequest.Sort.parse(sort);
		if (sort != null && !sort.isBlank() && parsedSort == null) {
			throw new BadRequestException("Unknown sort: use relevance, date or upvotes.");
		}
		int parsedLimit = defaultLimit;
		if (limit != null && !limit.isBlank()) {
			try {
				parsedLimit = Integer.parseInt(limit.strip());
			}
			catch (NumberFormatException ex) {
				parsedLimit = -1;
			}
			if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
				throw new BadRequestException("The limit must be a whole number from 1 to " + MAX_LIMIT + ".");
			}
		}
		Integer parsedYear = null;
		if (year != null && !year.isBlank()) {
			try {
				parsedYear = Integer.parseInt(year.strip());
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("The year must be a number such as 2025.");
			}
		}
		return new SearchRequest(SearchQuery.parse(query),
				(parsedMode != null) ? parsedMode : SearchRequest.Mode.HYBRID,
				(parsedSort != null) ? parsedSort : SearchRequest.Sort.RELEVANCE, day(from, "from"), day(to, "to"),
				(category != null && !category.isBlank()) ? category.strip() : null, parsedYear, Math.max(0, offset),
				parsedLimit);
	}

	private static LocalDate day(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("The " + name + " date must be written YYYY-MM-DD.");
		}
	}

	SearchOutcome search(SearchRequest request) {
		return search(request, true);
	}

	/**
	 * Searches, for the page ({@code forPage}: facets counted, and each hit's best passage of the
	 * abstract marked for its card) or for the API (no facets; the whole abstract marked). Marking
	 * words re-analyses the text, the costliest part of a search: each door gets only what it shows.
	 */
	SearchOutcome search(SearchRequest request, boolean forPage) {
		boolean withFacets = forPage;
		if (request.query().isEmpty()) {
			return SearchOutcome.empty(request);
		}
		boolean byMeaning = request.mode() != SearchRequest.Mode.TEXT && !request.query().answeredByWords();
		float[] vector = byMeaning ? embed(request.query().positiveText()) : null;
		PaperSearcher searcher = new PaperSearcher(this.sync.index(), this.analyzer);
		SearchResult result = searcher.search(request, vector, withFacets);
		Map<String, RecentListings.Listed> listings = this.listings.of(result.ids());
		List<SearchHit> hits = new ArrayList<>();
		Highlighting.Marks marks = this.highlighting.marks(result.textQuery());
		for (String id : result.ids()) {
			RecentListings.Listed listing = listings.get(id);
			if (listing != null) {
				hits.add(hit(listing, marks, forPage));
			}
		}
		String offer = (result.total() == 0 && !result.semantic() && withFacets) ? meaningOffer(searcher, request) : null;
		return new SearchOutcome(request, hits, result.total(), result.wordMatches(), result.meaningOnly(),
				result.categories(), result.years(), result.semantic(), result.embedded(), result.indexed(), result.capped(),
				offer);
	}

	/**
	 * When words found nothing: the query's words, if a search by meaning finds papers close to them
	 * (for the page to offer that search); otherwise {@code null}.
	 */
	private String meaningOffer(PaperSearcher searcher, SearchRequest request) {
		String words = request.query().meaningText();
		float[] vector = embed(words);
		if (vector == null) {
			return null;
		}
		SearchRequest byMeaning = new SearchRequest(SearchQuery.parse(words), SearchRequest.Mode.SEMANTIC,
				request.sort(), request.from(), request.to(), request.category(), request.year(), 0, request.limit());
		return (searcher.closeInMeaning(vector, byMeaning) > 0) ? words : null;
	}

	private SearchHit hit(RecentListings.Listed listed, Highlighting.Marks marks, boolean forPage) {
		// unwrapped when read: displaySummary() rewrites arXiv's line breaks each time
		String summary = listed.summary();
		List<HighlightSegment> title = marks.whole(PaperFields.TITLE, listed.title());
		if (forPage) {
			return new SearchHit(listed.listing(), title, HighlightSegment.plain(summary),
					marks.excerpt(PaperFields.ABSTRACT, summary, EXCERPT));
		}
		// the API shows the whole abstract, never an excerpt
		return new SearchHit(listed.listing(), title, marks.whole(PaperFields.ABSTRACT, summary), List.of());
	}

	/**
	 * The query's embedding, remembered for recent queries, or {@code null} when embeddings are off or
	 * the model failed (words still work).
	 */
	private float[] embed(String text) {
		if (!this.properties.embeddings() || text.isBlank()) {
			return null;
		}
		try {
			return this.queryVectors.of(text);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not embed a query; searching by words only", ex);
			return null;
		}
	}

	/** The most papers {@code /api/papers/{id}/similar} answers. */
	static final int MAX_SIMILAR = 50;

	/**
	 * The papers most like this one, without it, best first: by meaning once it is embedded,
	 * by its words until then; empty for a paper not in the catalog.
	 */
	List<PaperListing> similar(String paperId, int count) {
		return this.catalog.findPaper(paperId)
			.map((paper) -> this.catalog
				.listingsOf(new PaperSearcher(this.sync.index(), this.analyzer).similar(IndexedPaper.of(paper), count)))
			.orElse(List.of());
	}

	/** The papers nearest to this one by meaning alone, without it; empty until it is embedded. */
	List<PaperListing> nearestByMeaning(String paperId, int count) {
		return this.catalog.listingsOf(new PaperSearcher(this.sync.index(), this.analyzer).nearestByMeaning(paperId, count));
	}

	/**
	 * A limit of similar papers from a request parameter.
	 * @throws BadRequestException when it is not a whole number from 1 to {@value #MAX_SIMILAR}
	 */
	static int similarLimit(String limit, int defaultLimit) {
		if (limit == null || limit.isBlank()) {
			return defaultLimit;
		}
		int parsed;
		try {
			parsed = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			parsed = -1;
		}
		if (parsed < 1 || parsed > MAX_SIMILAR) {
			throw new BadRequestException("The limit must be a whole number from 1 to " + MAX_SIMILAR + ".");
		}
		return parsed;
	}

}
