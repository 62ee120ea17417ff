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
 * @param page this page's number, from 1
 * @param pageSize results per page
 */
public record SearchPage(String q, String mode, String sort, LocalDate from, LocalDate to, String category,
		Integer year, List<SearchHit> hits, int total, Map<String, Integer> categories, Map<String, Integer> years,
		boolean semantic, int page, int pageSize) {

	static SearchPage of(SearchOutcome outcome, String q, int page, int pageSize) {
		SearchRequest request = outcome.request();
		return new SearchPage(q, request.mode().name().toLowerCase(Locale.ROOT),
				request.sort().name().toLowerCase(Locale.ROOT), request.from(), request.to(), request.category(),
				request.year(), outcome.hits(), outcome.total(), outcome.categories(), outcome.years(),
				outcome.semantic(), page, pageSize);
	}

	public boolean hasQuery() {
		return this.q != null && !this.q.isBlank();
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return (long) this.page * this.pageSize < this.total;
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
