package io.paperboy.thumbnail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.paperboy.Stopping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes thumbnails, a bounded batch per run: for each paper the job should try
 * ({@link ThumbnailRepository#toTry}), downloads the PDF, draws its first page and keeps the image,
 * then records how it went. A failure that may pass (the server busy or silent) is tried again in a
 * later run, an hour later at first and twice as long each time, until
 * {@code paperboy.thumbnails.max-attempts} runs have failed; any other failure gives the paper up
 * at once, so a bad file is fetched once, not again and again.
 */
class ThumbnailMaker {

	private static final Logger logger = LoggerFactory.getLogger(ThumbnailMaker.class);

	/** The wait before a paper whose fetch failed for a passing reason is tried again; doubled each time. */
	static final Duration RETRY_AFTER = Duration.ofHours(1);

	private final ThumbnailProperties properties;

	private final ThumbnailRepository repository;

	private final ThumbnailFiles files;

	private final PdfDownloader downloader;

	private final FirstPageRenderer renderer;

	private final Stopping stopping;

	private final Clock clock;

	ThumbnailMaker(ThumbnailProperties properties, ThumbnailRepository repository, ThumbnailFiles files,
			PdfDownloader downloader, FirstPageRenderer renderer, Stopping stopping, Clock clock) {
		this.properties = properties;
		this.repository = repository;
		this.files = files;
		this.downloader = downloader;
		this.renderer = renderer;
		this.stopping = stopping;
		this.clock = clock;
	}

	/** One run: at most {@code batch-size} papers; ends early when the application stops. */
	Report run() {
		if (!this.properties.enabled()) {
			return new Report(0, 0, 0);
		}
		Instant now = this.clock.instant();
		List<String> ids = this.repository.toTry(now, publishedSince(now), this.properties.batchSize());
		int made = 0;
		int waiting = 0;
		int failed = 0;
		try (Stopping.Work work = this.stopping.begin()) {
			for (String id : ids) {
				if (this.stopping.requested()) {
					break;
				}
				switch (make(id)) {
					case MADE -> made++;
					case WAITING -> waiting++;
					case FAILED -> failed++;
					case INTERRUPTED -> {
					}
				}
			}
		}
		if (!ids.isEmpty()) {
			logger.info("Thumbnails: {} made, {} to try again later, {} given up", made, waiting, failed);
		}
		return new Report(made, waiting, failed);
	}

	/** The papers published this long ago or later get thumbnails even when on no daily list. */
	Instant publishedSince(Instant now) {
		return now.minus(Duration.ofDays(this.properties.newestDays()));
	}

	private Outcome make(String id) {
		Path pdf = this.files.scratch();
		try {
			this.downloader.download(this.properties.pdfOf(id), pdf, this.properties.maxPdfSize().toBytes());
			this.files.save(id, this.renderer.render(pdf));
			this.repository.made(id, this.clock.instant());
			return Outcome.MADE;
		}
		catch (ThumbnailFailure failure) {
			if (this.stopping.requested()) {
				// not the paper's fault: the next run tries it as if this one had not
				return Outcome.INTERRUPTED;
			}
			return record(id, failure);
		}
		finally {
			try {
				Files.deleteIfExists(pdf);
			}
			catch (IOException ex) {
				logger.warn("Cannot delete {}: {}", pdf, ex.getMessage());
			}
		}
	}

	private Outcome record(String id, ThumbnailFailure failure) {
		Instant now = this.clock.instant();
		int attempts = this.repository.attempts(id) + 1;
		if (failure.mayPass() && attempts < this.properties.maxAttempts()) {
			Instant next = now.plus(RETRY_AFTER.multipliedBy(1L << Math.min(attempts - 1, 20)));
			logger.info("No thumbnail for {} yet ({}); trying again after {}", id, failure.getMessage(), next);
			this.repository.waiting(id, failure.getMessage(), next, now);
			return Outcome.WAITING;
		}
		String reason = failure.mayPass() ? failure.getMessage() + " (given up after " + attempts + " runs)"
				: failure.getMessage();
		logger.info("No thumbnail for {}: {}", id, reason);
		this.repository.failed(id, reason, now);
		return Outcome.FAILED;
	}

	private enum Outcome {

		MADE, WAITING, FAILED, INTERRUPTED

	}

	/**
	 * What one run did.
	 *
	 * @param made thumbnails made
	 * @param waiting papers to try again in a later run
	 * @param failed papers given up
	 */
	record Report(int made, int waiting, int failed) {
	}

}
