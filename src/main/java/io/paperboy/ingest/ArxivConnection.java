package io.paperboy.ingest;

import java.time.Clock;

import io.paperboy.Stopping;
import io.paperboy.ingest.http.PoliteHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one connection to arXiv that its API and its OAI-PMH interface share (both are served by
 * export.arxiv.org): arXiv's terms ask for one request every 3 seconds on a single connection from
 * a client, not from each of its parts.
 *
 * @param http the polite client, spaced by {@code paperboy.sources.arxiv.request-interval}
 */
public record ArxivConnection(PoliteHttpClient http) {

	@Configuration(proxyBeanMethods = false)
	static class ArxivConnectionConfiguration {

		@Bean
		ArxivConnection arxivConnection(SourcesProperties sources, Clock clock, Stopping stopping) {
			PoliteHttpClient http = new PoliteHttpClient(settings(sources), clock);
			// a source asleep between retries must not hold up a stopping application
			stopping.whenRequested(http::stop, http::restart);
			return new ArxivConnection(http);
		}

	}

	/** What production gets: arXiv's interval (3 s unless configured), the User-Agent with the contact. */
	public static PoliteHttpClient.Settings settings(SourcesProperties sources) {
		return sources.httpSettings(sources.arxiv().requestInterval());
	}

}
