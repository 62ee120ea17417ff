package io.paperboy.ingest.arxiv;

import java.time.Clock;

import io.paperboy.ingest.SourcesProperties;
import io.paperboy.ingest.http.PoliteHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One polite HTTP client for arXiv's API, shared by every caller, so arXiv sees one request at a
 * time at most every {@code paperboy.sources.arxiv.request-interval}, whoever asks.
 */
@Configuration(proxyBeanMethods = false)
class ArxivConfiguration {

	@Bean
	ArxivClient arxivClient(SourcesProperties sources, Clock clock) {
		return new HttpArxivClient(new PoliteHttpClient(arxivHttpSettings(sources), clock), sources.arxiv().apiUrl());
	}

	/** What production gets: arXiv's interval (3 s unless configured), the User-Agent with the contact. */
	static PoliteHttpClient.Settings arxivHttpSettings(SourcesProperties sources) {
		return sources.httpSettings(sources.arxiv().requestInterval());
	}

}
