package io.paperboy.ingest.arxiv;

import io.paperboy.ingest.ArxivConnection;
import io.paperboy.ingest.SourcesProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The arXiv API client, on the connection to arXiv every caller shares, so arXiv sees one request
 * at a time at most every {@code paperboy.sources.arxiv.request-interval}, whoever asks.
 */
@Configuration(proxyBeanMethods = false)
class ArxivConfiguration {

	@Bean
	ArxivClient arxivClient(ArxivConnection arxiv, SourcesProperties sources) {
		return new HttpArxivClient(arxiv.http(), sources.arxiv().apiUrl());
	}

}
