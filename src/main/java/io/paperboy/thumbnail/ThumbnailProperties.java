package io.paperboy.thumbnail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Thumbnails of papers' first pages: {@code paperboy.thumbnails.*}.
 *
 * @param enabled whether the background job fetches PDFs from arXiv and makes thumbnails; when
 * off (or without network), pages show a placeholder and thumbnails already made
 * @param cron when the job runs (Spring cron, UTC; "-" switches it off); each run makes at most
 * {@code batch-size} thumbnails, and only one node of several runs it at a time
 * @param pdfUrl where PDFs are fetched: the paper's id is appended (arXiv asks programs to use
 * {@code export.arxiv.org})
 * @param delay the least time between two PDF requests (arXiv asks for at least 3 s)
 * @param batchSize the most papers one run tries
 * @param newestDays besides the papers on daily lists (all of them, newest list first), the papers
 * published on arXiv in this many days before now get thumbnails
 * @param maxPdfSize a PDF larger than this is not downloaded (checked while it streams), and the
 * paper keeps its placeholder
 * @param maxAttempts runs that may fail to fetch a paper's PDF for a reason that may pass (5xx,
 * 429, timeouts, dropped connections; each run already retries with back-off) before the paper is
 * given up
 * @param dir where the images are kept; default {@code <paperboy.data-dir>/thumbnails}. Several
 * nodes should share one folder (the job runs on one node at a time)
 */
@ConfigurationProperties("paperboy.thumbnails")
record ThumbnailProperties(Boolean enabled, String cron, URI pdfUrl, Duration delay, Integer batchSize,
		Integer newestDays, DataSize maxPdfSize, Integer maxAttempts, Path dir) {

	ThumbnailProperties {
		enabled = (enabled != null) ? enabled : true;
		cron = (cron != null) ? cron : "0 */10 * * * *";
		pdfUrl = (pdfUrl != null) ? pdfUrl : URI.create("https://export.arxiv.org/pdf/");
		delay = (delay != null) ? delay : Duration.ofSeconds(5);
		batchSize = (batchSize != null) ? batchSize : 50;
		newestDays = (newestDays != null) ? newestDays : 14;
		maxPdfSize = (maxPdfSize != null) ? maxPdfSize : DataSize.ofMegabytes(30);
		maxAttempts = (maxAttempts != null) ? maxAttempts : 3;
	}

	/** The PDF of a paper: {@link #pdfUrl} with the id appended. */
	URI pdfOf(String paperId) {
		String base = this.pdfUrl.toString();
		return URI.create(base.endsWith("/") ? base + paperId : base + "/" + paperId);
	}

}
