package io.paperboy.thumbnail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.paperboy.Stopping;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.web.SiteProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thumbnail job and what it uses. The job is a db-scheduler task ({@code thumbnails}), claimed
 * through the database, so that of several nodes on one PostgreSQL only one fetches at a time; it
 * runs on {@code paperboy.thumbnails.cron}, never when thumbnails are switched off.
 */
@Configuration(proxyBeanMethods = false)
class ThumbnailConfiguration {

	static final String TASK = "thumbnails";

	private static final String PDFBOX_FONT_CACHE = "pdfbox.fontcache";

	@Bean
	ThumbnailFiles thumbnailFiles(ThumbnailProperties properties, SiteProperties site) {
		Path dir = (properties.dir() != null) ? properties.dir() : site.dataDir().resolve("thumbnails");
		return new ThumbnailFiles(dir);
	}

	@Bean
	ThumbnailPreviewImages thumbnailPreviewImages(ThumbnailFiles files) {
		return new ThumbnailPreviewImages(files);
	}

	@Bean
	PdfDownloader pdfDownloader(ThumbnailProperties properties, SourcesProperties sources, Clock clock,
			Stopping stopping) {
		PdfDownloader downloader = new PdfDownloader(settings(properties, sources), clock);
		// a run asleep between requests must not hold up a stopping application
		stopping.whenRequested(downloader::stop, downloader::restart);
		return downloader;
	}

	@Bean
	ThumbnailMaker thumbnailMaker(ThumbnailProperties properties, ThumbnailRepository repository, ThumbnailFiles files,
			PdfDownloader downloader, Stopping stopping, Clock clock) {
		if (System.getProperty(PDFBOX_FONT_CACHE) == null) {
			// PDFBox keeps the list of system fonts it has scanned in the user's home unless told:
			// the data directory is the one place Paperboy may write
			System.setProperty(PDFBOX_FONT_CACHE, files.dir().toString());
			try {
				Files.createDirectories(files.dir());
			}
			catch (IOException ex) {
				// PDFBox then scans the fonts at each start; the job reports the folder when it writes
			}
		}
		return new ThumbnailMaker(properties, repository, files, downloader, new FirstPageRenderer(), stopping, clock);
	}

	@Bean
	RecurringTask<Void> thumbnailJob(ThumbnailMaker maker, ThumbnailProperties properties) {
		return Tasks.recurring(TASK, schedule(properties)).execute((instance, context) -> maker.run());
	}

	/** When the job runs: on its cron, or never when thumbnails are off. */
	static Schedule schedule(ThumbnailProperties properties) {
		// "-" is db-scheduler's disabled cron: the task is known but never scheduled
		return Schedules.cron(properties.enabled() ? properties.cron() : "-", ZoneOffset.UTC);
	}

	/**
	 * Requests as the sources make them (User-Agent with the operator's contact, timeouts, attempts,
	 * back-off: {@code paperboy.sources.http.*}), spaced by {@code paperboy.thumbnails.delay}.
	 */
	static PdfDownloader.Settings settings(ThumbnailProperties properties, SourcesProperties sources) {
		SourcesProperties.Http http = sources.http();
		return new PdfDownloader.Settings(sources.userAgent(), properties.delay(), http.connectTimeout(),
				http.requestTimeout(), http.maxAttempts(), http.backoff());
	}

}
