package io.paperboy.web;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the site as a whole.
 *
 * @param dataDir where Paperboy keeps its files: the embedded database, the search index and the
 * embedding model's native libraries (default {@code ./data})
 * @param baseUrl the public address used in every absolute link: feeds, mail, API {@code Link}
 * headers (default {@code http://localhost:<port>})
 */
@ConfigurationProperties("paperboy")
public record SiteProperties(Path dataDir, String baseUrl) {

	public SiteProperties {
		if (baseUrl != null && baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
	}

}
