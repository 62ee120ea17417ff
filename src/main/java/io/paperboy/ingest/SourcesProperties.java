package io.paperboy.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.paperboy.ingest.http.PoliteHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where papers come from and how often: {@code paperboy.sources.*}.
 *
 * @param contact an address arXiv and Hugging Face can reach the operator at, sent in the
 * User-Agent of every request (arXiv's terms ask for one)
 * @param backfillDays on the first start with network access, how many past days to fetch
 * @param http how requests are made and retried
 * @param arxiv arXiv's API and OAI-PMH interface
 * @param oai the scheduled OAI-PMH harvest
 * @param hf Hugging Face's daily list
 */
@ConfigurationProperties("paperboy.sources")
public record SourcesProperties(String contact, Integer backfillDays, Http http, Arxiv arxiv, Oai oai, Hf hf) {

	public SourcesProperties {
		contact = (contact != null) ? contact : "";
		backfillDays = (backfillDays != null) ? backfillDays : 7;
		http = (http != null) ? http : new Http(null, null, null, null, null);
		arxiv = (arxiv != null) ? arxiv : new Arxiv(null, null, null, null, null, null, null, null);
		oai = (oai != null) ? oai : new Oai(null, null, null, null);
		hf = (hf != null) ? hf : new Hf(null, null, null, null, null);
	}

	/** The User-Agent of every request: the product, its version line and the contact address. */
	public String userAgent() {
		return "Paperboy/0.1 (self-hosted research-papers site; https://github.com/paperboy"
				+ (this.contact.isBlank() ? "" : "; mailto:" + this.contact) + ")";
	}

	/** How to make requests to a server that wants at least {@code interval} between them. */
	public PoliteHttpClient.Settings httpSettings(Duration interval) {
		return new PoliteHttpClient.Settings(userAgent(), interval, this.http.connectTimeout(),
				this.http.requestTimeout(), this.http.maxAttempts(), this.http.backoff(), this.http.maxBackoff());
	}

	/**
	 * How requests to sources are made and retried.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param requestTimeout how long to wait for a whole response
	 * @param maxAttempts attempts per request before giving up (5xx, 429, timeouts, dropped
	 * connections are retried; other 4xx are not)
	 * @param backoff the first wait between attempts; it doubles each time, with random jitter
	 * @param maxBackoff the longest wait between attempts, also the longest {@code Retry-After}
	 * honoured
	 */
	public record Http(Duration connectTimeout, Duration requestTimeout, Integer maxAttempts, Duration backoff,
			Duration maxBackoff) {

		public Http {
			connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
			requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(60);
			maxAttempts = (maxAttempts != null) ? maxAttempts : 5;
			backoff = (backoff != null) ? backoff : Duration.ofSeconds(5);
			maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofMinutes(5);
		}

	}

	/**
	 * arXiv's API (new papers, look-ups by id, refreshes).
	 *
	 * @param enabled whether the new-papers poll and the refresh run on their schedules
	 * @param apiUrl the API's query address
	 * @param oaiUrl the OAI-PMH address
	 * @param categories the categories whose new papers are polled
	 * @param requestInterval the least time between two requests to arXiv (its terms: 3 s)
	 * @param pollCron when to poll for new papers (Spring cron, UTC; "-" switches it off)
	 * @param refreshCron when to refresh recently changed papers (Spring cron, UTC; "-" switches it off)
	 * @param pageSize results per request ({@code max_results})
	 */
	public record Arxiv(Boolean enabled, URI apiUrl, URI oaiUrl, List<String> categories, Duration requestInterval,
			String pollCron, String refreshCron, Integer pageSize) {

		public Arxiv {
			enabled = (enabled != null) ? enabled : true;
			apiUrl = (apiUrl != null) ? apiUrl : URI.create("https://export.arxiv.org/api/query");
			oaiUrl = (oaiUrl != null) ? oaiUrl : URI.create("https://export.arxiv.org/oai2");
			categories = (categories != null) ? List.copyOf(categories) : List.of("cs.AI", "cs.CL", "cs.CV", "cs.LG");
			requestInterval = (requestInterval != null) ? requestInterval : Duration.ofSeconds(3);
			pollCron = (pollCron != null) ? pollCron : "0 30 1 * * MON-FRI";
			refreshCron = (refreshCron != null) ? refreshCron : "0 0 4 * * *";
			pageSize = (pageSize != null) ? pageSize : 100;
		}

	}

	/**
	 * A scheduled OAI-PMH harvest (off by default: the API poll keeps a site fresh; OAI-PMH is for
	 * backfills, by hand with {@code ingest run oai}).
	 *
	 * @param enabled whether the harvest runs on its schedule
	 * @param set the OAI set to harvest (e.g. {@code cs})
	 * @param metadataPrefix {@code arXiv} or {@code arXivRaw}
	 * @param cron when to harvest the records changed since the last harvest (Spring cron, UTC)
	 */
	public record Oai(Boolean enabled, String set, String metadataPrefix, String cron) {

		public Oai {
			enabled = (enabled != null) ? enabled : false;
			set = (set != null) ? set : "cs";
			metadataPrefix = (metadataPrefix != null) ? metadataPrefix : "arXiv";
			cron = (cron != null) ? cron : "0 0 3 * * *";
		}

	}

	/**
	 * Hugging Face's daily list.
	 *
	 * @param enabled whether the sync runs on its schedule
	 * @param apiUrl the base address; {@code /api/daily_papers?date=} is appended
	 * @param days how many days back each sync looks, today included
	 * @param syncCron when to sync (Spring cron, UTC; "-" switches it off)
	 * @param requestInterval the least time between two requests to Hugging Face
	 */
	public record Hf(Boolean enabled, URI apiUrl, Integer days, String syncCron, Duration requestInterval) {

		public Hf {
			enabled = (enabled != null) ? enabled : true;
			apiUrl = (apiUrl != null) ? apiUrl : URI.create("https://huggingface.co");
			days = (days != null) ? days : 3;
			syncCron = (syncCron != null) ? syncCron : "0 */30 * * * *";
			requestInterval = (requestInterval != null) ? requestInterval : Duration.ofSeconds(1);
		}

	}

}
