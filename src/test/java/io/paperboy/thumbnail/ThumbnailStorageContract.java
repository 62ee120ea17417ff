package io.paperboy.thumbnail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.paperboy.Stopping;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the thumbnail job stores, and how it goes through papers, on every database Paperboy
 * supports: arXiv is a local server answering from a script, the images go to a temporary folder.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class ThumbnailStorageContract {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	private static final Instant NOW = MutableClock.Configuration.START;

	private static final Map<String, String> PDF = Map.of("Content-Type", "application/pdf");

	@Autowired
	Catalog catalog;

	@Autowired
	ThumbnailRepository repository;

	@Autowired
	MutableClock clock;

	@Autowired
	Stopping stopping;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	private final ScriptedHttpServer arxiv = ScriptedHttpServer.start();

	@AfterEach
	void close() {
		this.arxiv.close();
	}

	@Test
	void papersOnDailyListsComeFirstNewestListFirstThenTheNewestPublished() {
		published("2505.00001", NOW.minus(Duration.ofDays(20)));
		published("2505.00002", NOW.minus(Duration.ofDays(3)));
		published("2506.00003", NOW.minus(Duration.ofDays(1)));
		published("2506.00004", NOW.minus(Duration.ofHours(2)));
		this.catalog.placeOnDailyList(TestPapers.entry("2505.00001", MONDAY.minusDays(7)));
		this.catalog.placeOnDailyList(TestPapers.entry("2505.00002", MONDAY));

		assertThat(this.repository.toTry(NOW, NOW.minus(Duration.ofDays(14)), 10)).containsExactly("2505.00002",
				"2505.00001", "2506.00004", "2506.00003");
	}

	@Test
	void aPaperNeitherListedNorPublishedLatelyIsNotTried() {
		published("2401.00001", NOW.minus(Duration.ofDays(400)));
		published("2506.00001", NOW.minus(Duration.ofDays(1)));

		assertThat(this.repository.toTry(NOW, NOW.minus(Duration.ofDays(14)), 10)).containsExactly("2506.00001");
	}

	@Test
	void aBatchIsBoundedByItsLimit() {
		for (int i = 1; i <= 5; i++) {
			published("2506.0000" + i, NOW.minus(Duration.ofHours(i)));
		}

		assertThat(this.repository.toTry(NOW, NOW.minus(Duration.ofDays(14)), 3)).containsExactly("2506.00001",
				"2506.00002", "2506.00003");
	}

	@Test
	void madeAndFailedPapersAreNotTriedAgainAndWaitingOnesOnlyOnceDue() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		published("2506.00002", NOW.minus(Duration.ofHours(2)));
		published("2506.00003", NOW.minus(Duration.ofHours(3)));
		this.repository.made("2506.00001", NOW);
		this.repository.failed("2506.00002", "answered HTTP 404", NOW);
		this.repository.waiting("2506.00003", "answered HTTP 503", NOW.plus(Duration.ofHours(1)), NOW);
		Instant since = NOW.minus(Duration.ofDays(14));

		assertThat(this.repository.toTry(NOW, since, 10)).isEmpty();
		assertThat(this.repository.toTry(NOW.plus(Duration.ofHours(1)), since, 10)).containsExactly("2506.00003");
		assertThat(this.repository.attempts("2506.00003")).isEqualTo(1);
		assertThat(this.repository.attempts("2506.00004")).isZero();
	}

	@Test
	void theCountsTellMadeUntriedWaitingAndFailed() {
		for (int i = 1; i <= 5; i++) {
			published("2506.0000" + i, NOW.minus(Duration.ofHours(i)));
		}
		this.repository.made("2506.00001", NOW);
		this.repository.failed("2506.00002", "the PDF is encrypted", NOW);
		this.repository.waiting("2506.00003", "answered HTTP 503", NOW.plus(Duration.ofHours(1)), NOW);

		assertThat(this.repository.counts(NOW.minus(Duration.ofDays(14)))).isEqualTo(new ThumbnailCounts(1, 2, 1, 1));
		assertThat(this.repository.latestFailures(10)).extracting(ThumbnailCounts.Failure::paperId)
			.containsExactlyInAnyOrder("2506.00002", "2506.00003");
	}

	@Test
	void aRunMakesTheImageOfEachPaperAndRecordsIt() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		published("2506.00002", NOW.minus(Duration.ofHours(2)));
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.paper("A paper"));
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		ThumbnailMaker.Report report = maker(files, 10).run();

		assertThat(report).isEqualTo(new ThumbnailMaker.Report(2, 0, 0));
		assertThat(files.find("2506.00001")).isPresent();
		assertThat(files.find("2506.00002")).isPresent();
		assertThat(this.arxiv.requests()).extracting(ScriptedHttpServer.Request::path)
			.containsExactly("/pdf/2506.00001", "/pdf/2506.00002");
		assertThat(state("2506.00001")).isEqualTo("made");
		assertThat(this.folder.resolve("downloads")).isEmptyDirectory();
		assertThat(maker(files, 10).run()).as("nothing left to do").isEqualTo(new ThumbnailMaker.Report(0, 0, 0));
	}

	@Test
	void aPaperArxivDoesNotHaveIsGivenUpWithTheReason() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));

		assertThat(maker(new ThumbnailFiles(this.folder), 10).run()).isEqualTo(new ThumbnailMaker.Report(0, 0, 1));
		assertThat(state("2506.00001")).isEqualTo("failed");
		assertThat(this.repository.latestFailures(1).get(0).reason()).endsWith("/pdf/2506.00001 answered HTTP 404");
	}

	@Test
	void aPdfThatCannotBeDrawnIsGivenUpAndNotFetchedAgain() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.encrypted("reader"));
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		maker(files, 10).run();
		this.clock.advance(Duration.ofDays(2));
		maker(files, 10).run();

		assertThat(this.repository.latestFailures(1).get(0).reason()).isEqualTo("the PDF is encrypted");
		assertThat(this.arxiv.requests()).hasSize(1);
		assertThat(files.find("2506.00001")).isEmpty();
	}

	@Test
	void aPaperWhoseServerStaysBusyWaitsForALaterRunThenIsGivenUp() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		this.arxiv.always().thenRespond(503, Map.of(), "busy");
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		assertThat(maker(files, 10).run()).isEqualTo(new ThumbnailMaker.Report(0, 1, 0));
		assertThat(maker(files, 10).run()).as("not due yet").isEqualTo(new ThumbnailMaker.Report(0, 0, 0));
		this.clock.advance(ThumbnailMaker.RETRY_AFTER);
		assertThat(maker(files, 10).run()).as("the second of two runs allowed")
			.isEqualTo(new ThumbnailMaker.Report(0, 0, 1));

		assertThat(state("2506.00001")).isEqualTo("failed");
		assertThat(this.repository.latestFailures(1).get(0).reason()).endsWith("(given up after 2 runs)");
	}

	@Test
	void aPaperWhoseServerRecoversIsMadeInALaterRun() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		this.arxiv.always()
			.thenRespond(503, Map.of(), "busy")
			.thenRespond(503, Map.of(), "busy")
			.thenRespond(200, PDF, TestPdfs.paper("At last"));
		ThumbnailFiles files = new ThumbnailFiles(this.folder);

		maker(files, 10).run();
		this.clock.advance(ThumbnailMaker.RETRY_AFTER);

		assertThat(maker(files, 10).run()).isEqualTo(new ThumbnailMaker.Report(1, 0, 0));
		assertThat(files.find("2506.00001")).isPresent();
	}

	@Test
	void aRunTriesNoMoreThanItsBatch() {
		for (int i = 1; i <= 3; i++) {
			published("2506.0000" + i, NOW.minus(Duration.ofHours(i)));
		}
		this.arxiv.always().thenRespond(200, PDF, TestPdfs.paper("A paper"));

		assertThat(maker(new ThumbnailFiles(this.folder), 2).run()).isEqualTo(new ThumbnailMaker.Report(2, 0, 0));
		assertThat(this.arxiv.requests()).hasSize(2);
	}

	@Test
	void switchedOffNothingIsFetched() {
		published("2506.00001", NOW.minus(Duration.ofHours(1)));
		ThumbnailProperties off = new ThumbnailProperties(false, null, this.arxiv.uri("/pdf/"), Duration.ZERO, 10, 14,
				DataSize.ofMegabytes(1), 2, this.folder);

		assertThat(maker(off, new ThumbnailFiles(this.folder)).run()).isEqualTo(new ThumbnailMaker.Report(0, 0, 0));
		assertThat(this.arxiv.requests()).isEmpty();
	}

	private ThumbnailMaker maker(ThumbnailFiles files, int batchSize) {
		return maker(new ThumbnailProperties(true, null, this.arxiv.uri("/pdf/"), Duration.ZERO, batchSize, 14,
				DataSize.ofMegabytes(1), 2, this.folder), files);
	}

	private ThumbnailMaker maker(ThumbnailProperties properties, ThumbnailFiles files) {
		PdfDownloader downloader = new PdfDownloader(new PdfDownloader.Settings("Paperboy/0.1 (tests)", Duration.ZERO,
				Duration.ofSeconds(2), Duration.ofSeconds(10), 2, Duration.ofMillis(10)), this.clock);
		return new ThumbnailMaker(properties, this.repository, files, downloader, new FirstPageRenderer(), this.stopping,
				this.clock);
	}

	private void published(String id, Instant at) {
		this.catalog.savePaper(TestPapers.paper(id).publishedAt(at).build(), MONDAY);
	}

	private String state(String id) {
		return this.jdbc.sql("select state from thumbnails where paper_id = :id").param("id", id).query(String.class).single();
	}

}
