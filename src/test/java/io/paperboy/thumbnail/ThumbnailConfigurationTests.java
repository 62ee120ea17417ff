package io.paperboy.thumbnail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.paperboy.ingest.SourcesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ThumbnailConfigurationTests {

	private final ThumbnailConfiguration configuration = new ThumbnailConfiguration();

	@Test
	void byDefaultPdfsComeFromArxivsExportServerAtLeastThreeSecondsApart() {
		ThumbnailProperties defaults = defaults(null);

		assertThat(defaults.enabled()).isTrue();
		assertThat(defaults.pdfOf("2506.00001")).isEqualTo(URI.create("https://export.arxiv.org/pdf/2506.00001"));
		assertThat(defaults.pdfOf("hep-th/9901001")).isEqualTo(URI.create("https://export.arxiv.org/pdf/hep-th/9901001"));
		assertThat(defaults.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
		assertThat(defaults.maxPdfSize()).isEqualTo(DataSize.ofMegabytes(30));
	}

	@Test
	void aPdfAddressWithoutTheFinalSlashGetsOne() {
		ThumbnailProperties properties = new ThumbnailProperties(null, null, URI.create("http://127.0.0.1:8000/pdf"), null,
				null, null, null, null, null);

		assertThat(properties.pdfOf("2506.00001")).isEqualTo(URI.create("http://127.0.0.1:8000/pdf/2506.00001"));
	}

	@Test
	void requestsCarryTheSourcesUserAgentWithTheContactAndTheirTimeouts() {
		SourcesProperties sources = new SourcesProperties("ops@example.org", null,
				new SourcesProperties.Http(Duration.ofSeconds(4), Duration.ofSeconds(40), 3, Duration.ofSeconds(2), null),
				null, null, null);

		PdfDownloader.Settings settings = ThumbnailConfiguration.settings(defaults(null), sources);

		assertThat(settings.userAgent()).contains("Paperboy/").contains("mailto:ops@example.org");
		assertThat(settings.delay()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
		assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(40));
		assertThat(settings.maxAttempts()).isEqualTo(3);
		assertThat(settings.backoff()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void theJobRunsOnItsCronAndNeverWhenThumbnailsAreOff() {
		RecurringTask<Void> job = this.configuration.thumbnailJob(null, defaults(true));

		assertThat(job.getName()).isEqualTo("thumbnails");
		assertThat(ThumbnailConfiguration.schedule(defaults(true)).isDisabled()).isFalse();
		assertThat(ThumbnailConfiguration.schedule(defaults(false)).isDisabled()).isTrue();
		assertThat(ThumbnailConfiguration.schedule(new ThumbnailProperties(true, "-", null, null, null, null, null, null,
				null)).isDisabled()).isTrue();
	}

	private static ThumbnailProperties defaults(Boolean enabled) {
		return new ThumbnailProperties(enabled, null, null, null, null, null, null, null, Path.of("unused"));
	}

}
