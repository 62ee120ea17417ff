package io.paperboy.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code /papers/search} shows: the form as the reader filled it, the papers found, facets, and
 * links to the neighbouring pages.
 *
 * @param q the query as typed
 * @param mode {@code text}, {@code semantic} or {@code hybrid}
 * @param sort {@code relevance}, {@code date} or {@code upvotes}
 * @param from the from date, if given
 * @param to the to date, if given
 * @param category the category filter, if given
 * @param year the year filter, if given
 * @param hits the papers of this page
 * @param total papers found in all
 * @param categories papers found per category, most first
 * @param years papers found per year, most recent first
 * @param semantic whether meaning took part in the ranking
 * @param wordMatches of the papers found, those that have the words
 * @param meaningOnly of the papers found, those found by meaning alone
 * @param embedded papers that search by meaning covers so far
 * @param indexed papers in the index
 * @param capped whether more papers have the words than were counted ({@value PaperSearcher#COUNTED}):
 * the page then says "more than", and the facets count the first that many
 * @param meaningOffer words a search by meaning would find papers close to, offered when nothing was
 * found; {@code null} otherwise
 * @param page this page's number, from 1
 * @param pageSize results per page
 */
public record SearchPage(String q, String mode, String sort, LocalDate from, LocalDate to, String category,
		Integer year, List<SearchHit> hits, int total, Map<String, Integer> categories, Map<String, Integer> years,
		boolean semantic, int wordMatches, int meaningOnly, int embedded, int indexed, boolean capped,
		String meaningOffer, int page, int pageSize) {

	static SearchPage of(SearchOutcome outcome, String q, int page, int pageSize) {
		SearchRequest request = outcome.request();
		return new SearchPage(q, request.mode().name().toLowerCase(Locale.ROOT),
				request.sort().name().toLowerCase(Locale.ROOT), request.from(), request.to(), request.category(),
				request.year(), outcome.hits(), outcome.total(), outcome.categories(), outcome.years(),
				outcome.semantic(), outcome.wordMatches(), outcome.meaningOnly(), outcome.embedded(), outcome.indexed(),
				outcome.capped(), outcome.meaningOffer(), page, pageSize);
	}

	/**
	 * What the count counts: "12 papers found" by words; in hybrid mode, how many have the words and
	 * how many more are close in meaning; in semantic mode, that they are close in meaning. Past
	 * {@value PaperSearcher#COUNTED} papers with the words, "more than" that.
	 */
	public String summary() {
		if (this.total == 0) {
			return "No papers found";
		}
		String found = (this.capped ? "More than " : "") + papers(this.total) + " found";
		if (!this.semantic) {
			return found;
		}
		if ("semantic".equals(this.mode) || this.wordMatches == 0) {
			return found + " close in meaning";
		}
		if (this.meaningOnly == 0) {
			return found + ", all with your words";
		}
		return found + ": " + (this.capped ? "more than " : "") + number(this.wordMatches) + " with your words, "
				+ number(this.meaningOnly) + " more close in meaning";
	}

	/**
	 * Which papers the facets count, when they do not count all that were found ("Counted among the
	 * 1,000 newest papers found."); {@code null} when they count them all.
	 */
	public String facetScope() {
		if (!this.capped) {
			return null;
		}
		String first = number(PaperSearcher.COUNTED);
		if (!this.semantic && "date".equals(this.sort)) {
			return "Counted among the " + first + " newest papers found.";
		}
		if (!this.semantic && "upvotes".equals(this.sort)) {
			return "Counted among the " + first + " most upvoted papers found.";
		}
		return "Counted among the " + first + " papers that match your words best"
				+ ((this.meaningOnly > 0) ? " and the " + number(this.meaningOnly) + " close in meaning." : ".");
	}

	/**
	 * While papers are still being embedded, how far search by meaning has got ("Search by meaning
	 * covers 7,912 of 8,506 papers so far"); {@code null} when it covers them all or was not used
	 * (words only, a query only words answer, or embeddings switched off).
	 */
	public String coverage() {
		if (!this.semantic || this.embedded >= this.indexed) {
			return null;
		}
		return "Search by meaning covers " + number(this.embedded) + " of " + papers(this.indexed)
				+ " so far; the others are found by their words.";
	}

	/** Whether the query was answered by words alone although meaning was asked for. */
	public boolean answeredByWords() {
		return !"text".equals(this.mode) && !this.semantic && SearchQuery.parse(this.q).answeredByWords();
	}

	/** The search by meaning offered when nothing was found. */
	public String meaningOfferUrl() {
		return "/papers/search?q=" + URLEncoder.encode(this.meaningOffer, StandardCharsets.UTF_8) + "&mode=semantic";
	}

	private static String papers(int count) {
		return number(count) + ((count == 1) ? " paper" : " papers");
	}

	private static String number(int count) {
		return String.format(Locale.ENGLISH, "%,d", count);
	}

	public boolean hasQuery() {
		return this.q != null && !this.q.isBlank();
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	/** Whether there is a next page: there are more papers, and the reader may page as far. */
	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total && this.page < SearchPageController.MAX_PAGE;
	}

	/** This search on another page. */
	public String pageUrl(int number) {
		return url(this.category, this.year, number);
	}

	/** This search narrowed to a category, or widened again when {@code category} is null. */
	public String categoryUrl(String category) {
		return url(category, this.year, 1);
	}

	/** This search narrowed to a year, or widened again when {@code year} is null. */
	public String yearUrl(String year) {
		return url(this.category, (year != null) ? Integer.valueOf(year) : null, 1);
	}

	private String url(String category, Integer year, int number) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("q", this.q);
		parameters.put("mode", "hybrid".equals(this.mode) ? null : this.mode);
		parameters.put("sort", "relevance".equals(this.sort) ? null : this.sort);
		parameters.put("from", (this.from != null) ? this.from.toString() : null);
		parameters.put("to", (this.to != null) ? this.to.toString() : null);
		parameters.put("category", category);
		parameters.put("year", (year != null) ? year.toString() : null);
		parameters.put("p", (number > 1) ? Integer.toString(number) : null);
		StringBuilder url = new StringBuilder("/papers/search");
		char separator = '?';
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (parameter.getValue() != null) {
				url.append(separator)
					.append(parameter.getKey())
					.append('=')
					.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return url.toString();
	}

}
