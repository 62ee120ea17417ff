package io.paperboy.ingest.arxiv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.paperboy.ingest.http.FetchException;
import io.paperboy.ingest.http.PoliteHttpClient;

/** {@link ArxivClient} over HTTP, through one {@link PoliteHttpClient} that keeps arXiv's pace. */
class HttpArxivClient implements ArxivClient {

	private final PoliteHttpClient http;

	private final URI apiUrl;

	HttpArxivClient(PoliteHttpClient http, URI apiUrl) {
		this.http = http;
		this.apiUrl = apiUrl;
	}

	@Override
	public ArxivFeed lookUp(List<String> ids) {
		List<String> wanted = ids.stream().map(String::strip).filter((id) -> !id.isEmpty()).distinct().toList();
		List<ArxivEntry> entries = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (int from = 0; from < wanted.size(); from += IDS_PER_REQUEST) {
			List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + IDS_PER_REQUEST));
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("id_list", String.join(",", batch));
			parameters.put("start", "0");
			// arXiv's default page is 10 results: ask for as many as there are ids
			parameters.put("max_results", String.valueOf(batch.size()));
			ArxivFeed feed = fetch(parameters);
			entries.addAll(feed.entries());
			rejected.addAll(feed.rejected());
		}
		return new ArxivFeed(entries.size() + rejected.size(), 0, entries.size() + rejected.size(), entries, rejected);
	}

	@Override
	public ArxivFeed lookUpNow(String id, Duration deadline) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("id_list", id.strip());
		parameters.put("start", "0");
		parameters.put("max_results", "1");
		return fetch(parameters, (uri) -> this.http.get(uri, deadline));
	}

	@Override
	public ArxivFeed query(ArxivQuery query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("search_query", query.searchQuery());
		parameters.put("sortBy", query.sortBy().parameter());
		parameters.put("sortOrder", query.sortOrder().parameter());
		parameters.put("start", String.valueOf(query.start()));
		parameters.put("max_results", String.valueOf(query.maxResults()));
		return fetch(parameters);
	}

	private ArxivFeed fetch(Map<String, String> parameters) {
		return fetch(parameters, this.http::get);
	}

	private ArxivFeed fetch(Map<String, String> parameters, Function<URI, String> get) {
		URI uri = URI.create(this.apiUrl + "?" + parameters.entrySet()
			.stream()
			.map((parameter) -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
		String body;
		try {
			body = get.apply(uri);
		}
		catch (FetchException ex) {
			if (ex.status() >= 400 && ex.status() < 500 && ex.body() != null) {
				// arXiv explains a refused request in an error feed ("incorrect id format for abc")
				throw refusal(ex);
			}
			throw ex;
		}
		return AtomFeedParser.parse(body, 200);
	}

	private static ArxivApiException refusal(FetchException ex) {
		try {
			AtomFeedParser.parse(ex.body(), ex.status());
		}
		catch (ArxivApiException explained) {
			if (explained.getMessage().startsWith("arXiv refused")) {
				return new ArxivApiException(explained.getMessage() + " (HTTP " + ex.status() + ")", ex.status(), ex);
			}
		}
		return new ArxivApiException("arXiv refused the request with HTTP " + ex.status() + ": " + ex.getMessage(),
				ex.status(), ex);
	}

}
