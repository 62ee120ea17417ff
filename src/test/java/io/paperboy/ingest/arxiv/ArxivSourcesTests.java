package io.paperboy.ingest.arxiv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.ingest.http.PoliteHttpClient;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.paperboy.ingest.arxiv.HandMadeFeeds.entry;
import static io.paperboy.ingest.arxiv.HandMadeFeeds.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The {@code arxiv} and {@code arxiv-refresh} sources against a local server playing arXiv, saving
 * into the real catalog, run through {@link IngestRuns} as the schedule and the command line run them.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class ArxivSourcesTests {

	private static final Map<String, String> ATOM = Map.of("Content-Type", "application/atom+xml");

	private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");

	private static final String CHECKPOINT = ArxivNewPapersSource.checkpointName(List.of("cs.AI", "cs.CL"));

	@Autowired
	private Catalog catalog;

	@Autowired
	private Checkpoints checkpoints;

	@Autowired
	private IngestRuns runs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ArxivClient applicationsClient;

	private final ScriptedHttpServer server = ScriptedHttpServer.start();

	private final MutableClock clock = new MutableClock(NOW);

	private ArxivNewPapersSource newPapers;

	private ArxivRefreshSource refresh;

	@BeforeEach
	void startFromNothing() {
		this.jdbc.sql("delete from ingest_checkpoints").update();
		this.jdbc.sql("delete from ingest_runs").update();
		wire(3);
	}

	/** The production wiring, with a test pace and pages of {@code pageSize} results. */
	private void wire(int pageSize) {
		wire(pageSize, HttpArxivClientTests.tinySettings());
	}

	/**
	 * The production wiring with requests that time out after half a second, for a test of an arXiv
	 * whose every answer stalls: a timeout then ends each request, however busy the machine.
	 */
	private void wireTimingOut() {
		wire(3, HttpArxivClientTests.tinySettings(Duration.ofMillis(500)));
	}

	private void wire(int pageSize, PoliteHttpClient.Settings settings) {
		SourcesProperties properties = properties(pageSize);
		ArxivClient arxiv = new HttpArxivClient(new PoliteHttpClient(settings, Clock.systemUTC()),
				this.server.uri("/api/query"));
		IdLookUp lookUp = new IdLookUp(arxiv, this.catalog);
		this.newPapers = new ArxivNewPapersSource(arxiv, lookUp, this.catalog, this.checkpoints, properties, this.clock);
		this.refresh = new ArxivRefreshSource(lookUp, this.catalog, properties, new RefreshProperties(30, 1000), this.clock);
	}

	private SourcesProperties properties(int pageSize) {
		return new SourcesProperties("ops@example.org", 7, null,
				new SourcesProperties.Arxiv(true, this.server.uri("/api/query"), null, List.of("cs.AI", "cs.CL"),
						Duration.ofMillis(10), null, null, pageSize),
				null, null);
	}

	private ArxivClient arxiv() {
		return new HttpArxivClient(new PoliteHttpClient(HttpArxivClientTests.tinySettings(), Clock.systemUTC()),
				this.server.uri("/api/query"));
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void theApplicationsClientKeepsArxivsThreeSecondsBetweenRequests() {
		// the test configuration changes no pace: this is what production gets
		assertThat(this.applicationsClient).extracting("http.settings.interval").isEqualTo(Duration.ofSeconds(3));
		assertThat(this.applicationsClient).extracting("http.settings.userAgent").asString().startsWith("Paperboy/");
	}

	@Test
	void theFirstPollPagesBackToTheBackfillDaysAndRemembersTheNewestSubmission() {
		onPage(0, page(50, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"), entry("2403.00009", 2, "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));
		onPage(3, page(50, 3, entry("2403.00007", 1, "2024-03-07T09:00:00Z"), entry("2403.00005", 1, "2024-03-05T09:00:00Z"),
				entry("2403.00004", 1, "2024-03-04T09:00:00Z")));
		// seven days before NOW is 2024-03-03T12:00: the second entry here is older
		onPage(6, page(50, 6, entry("2403.00003", 1, "2024-03-03T13:00:00Z"), entry("2403.00002", 1, "2024-03-02T09:00:00Z"),
				entry("2403.00001", 1, "2024-03-01T09:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(7);
		assertThat(this.catalog.findPaper("2403.00003")).isPresent();
		assertThat(this.catalog.findPaper("2403.00002")).isEmpty();
		assertThat(this.server.requests()).extracting((request) -> request.parameter("start"))
			.containsExactly("0", "3", "6");
		assertThat(this.server.requests()).allSatisfy((request) -> {
			assertThat(request.parameter("search_query")).isEqualTo("cat:cs.AI OR cat:cs.CL");
			assertThat(request.parameter("sortBy")).isEqualTo("submittedDate");
			assertThat(request.parameter("sortOrder")).isEqualTo("descending");
			assertThat(request.parameter("max_results")).isEqualTo("3");
		});
		assertThat(this.checkpoints.read(CHECKPOINT)).contains("2024-03-10T09:00:00Z");
		Paper paper = this.catalog.findPaper("2403.00009").orElseThrow();
		assertThat(paper.version()).isEqualTo(2);
		assertThat(paper.authors()).containsExactly(Author.fromArxiv("Ada Lovelace", List.of("Analytical Engines")));
	}

	@Test
	void aPollReplayingRecordedPagesSavesEachPaperOnceUntilTheCutoff() {
		wire(10);
		this.checkpoints.write(CHECKPOINT, "1990-01-01T00:00:00Z");
		onPage(0, RecordedResponses.named("q_testing_s0_m10_").body());
		// five papers arrived meanwhile: the second page starts five results earlier, five papers again
		onPage(10, RecordedResponses.named("q_testing_s5_m10_").body());
		for (int start = 20; start <= 50; start += 10) {
			onPage(start, RecordedResponses.named("q_testing_s" + start + "_m10_").body());
		}
		onPage(60, page(214_881, 60, entry("hep-th/9108001", 1, "1989-12-31T00:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(55);
		assertThat(this.catalog.countPapers()).isEqualTo(55);
		assertThat(this.catalog.findPaper("cs/0503050")).isPresent();
		assertThat(this.catalog.findPaper("hep-th/9108001")).isEmpty();
		assertThat(this.server.requests()).extracting((request) -> request.parameter("start"))
			.containsExactly("0", "10", "20", "30", "40", "50", "60");
		assertThat(this.checkpoints.read(CHECKPOINT)).contains("2026-02-17T12:57:17Z");
	}

	@Test
	void lookingUpThePapersAgainChangesNothing() {
		this.server.always().thenRespond(200, ATOM, RecordedResponses.named("id_astro-ph_0601001_").body());

		IngestRun first = run(this.newPapers, "--ids", "astro-ph/0601001");
		IngestRun second = run(this.newPapers, "--ids", "astro-ph/0601001");

		assertThat(first.added()).isEqualTo(1);
		assertThat(second.added() + second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(1);
	}

	@Test
	void theNextPollStopsAtTheNewestSubmissionTheLastOneSaw() {
		this.checkpoints.write(CHECKPOINT, "2024-03-10T09:00:00Z");
		onPage(0, page(50, 0, entry("2403.00011", 1, "2024-03-11T09:00:00Z"), entry("2403.00010", 1, "2024-03-10T09:00:00Z"),
				entry("2403.00009", 1, "2024-03-09T09:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.added()).isEqualTo(2);
		assertThat(this.server.requests()).hasSize(1);
		assertThat(this.catalog.findPaper("2403.00009")).isEmpty();
		assertThat(this.checkpoints.read(CHECKPOINT)).contains("2024-03-11T09:00:00Z");
	}

	@Test
	void pollingByHandForOtherCategoriesOrDaysLeavesTheScheduledPollsCheckpointAlone() {
		this.checkpoints.write(CHECKPOINT, "2024-03-01T00:00:00Z");
		this.server.always().thenRespond(200, ATOM, page(1, 0, entry("2403.00011", 1, "2024-03-09T09:00:00Z", "cs.LG")));

		run(this.newPapers, "--days", "2");
		run(this.newPapers, "--categories", "cs.LG");

		assertThat(this.server.requests().get(1).parameter("search_query")).isEqualTo("cat:cs.LG");
		assertThat(this.checkpoints.read(CHECKPOINT)).contains("2024-03-01T00:00:00Z");
		assertThat(this.checkpoints.read(ArxivNewPapersSource.checkpointName(List.of("cs.LG"))))
			.contains("2024-03-09T09:00:00Z");
	}

	@Test
	void duplicateEntriesWithinAndAcrossPagesAreSavedOnceWithTheHighestVersion() {
		// a paper arriving while the poll pages shifts the results: 2403.00008 is on both pages
		onPage(0, page(6, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"), entry("2403.00009", 1, "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));
		onPage(3, page(6, 3, entry("2403.00008", 1, "2024-03-08T09:00:00Z"), entry("2403.00007", 1, "2024-03-07T09:00:00Z"),
				entry("2403.00007", 2, "2024-03-07T09:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(4);
		assertThat(run.updated() + run.unchanged()).isZero();
		assertThat(this.catalog.findPaper("2403.00007").orElseThrow().version()).isEqualTo(2);
		assertThat(this.catalog.countPapers()).isEqualTo(4);
	}

	@Test
	void entriesWhoseIdDoesNotParseAreSkippedWithAReasonAndTheRestSaved() {
		onPage(0, page(3, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"),
				HandMadeFeeds.entryWithId("http://arxiv.org/abs/not-an-id", "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(2);
		assertThat(run.skipped()).isEqualTo(1);
		assertThat(run.messages()).containsExactly("entry 2 (http://arxiv.org/abs/not-an-id): the id is not an arXiv id");
	}

	@Test
	void anEmptyFeedSavesNothingAndLeavesTheCheckpointAlone() {
		onPage(0, page(0, 0));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isZero();
		assertThat(this.checkpoints.read(CHECKPOINT)).isEmpty();
	}

	@Test
	void anEmptyPageInsideTheResultsIsAskedForAgainThenFailsTheRun() {
		onPage(0, page(50, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"), entry("2403.00009", 1, "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));
		onPage(3, page(50, 3));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.messages()).containsExactly("failed: arXiv answered 3 times with no entries at result 3 of 50");
		assertThat(this.server.requests()).hasSize(4);
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(this.checkpoints.read(CHECKPOINT)).isEmpty();
	}

	@Test
	void aMalformedPageFailsTheRunKeepingEarlierPagesAndNothingOfItsOwn() {
		saveExisting("2403.00006");
		onPage(0, page(50, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"), entry("2403.00009", 1, "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));
		String broken = page(50, 3, entry("2403.00007", 1, "2024-03-07T09:00:00Z"),
				entry("2403.00006", 3, "2024-03-06T09:00:00Z"))
			.replace("</summary>", "</summry>");
		onPage(3, broken);

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.added()).isEqualTo(3);
		assertThat(run.messages()).singleElement().asString().startsWith("failed: arXiv answered with malformed XML at line");
		assertThat(this.catalog.findPaper("2403.00007")).isEmpty();
		assertThat(this.catalog.findPaper("2403.00006").orElseThrow().version()).isEqualTo(1);
		assertThat(this.catalog.dailyEntryOf("2403.00006")).isPresent();
		assertThat(this.checkpoints.read(CHECKPOINT)).isEmpty();
		assertThat(this.runs.latestRuns("arxiv", 1)).singleElement()
			.satisfies((recorded) -> assertThat(recorded.outcome()).isEqualTo(IngestRun.Outcome.FAILED));
	}

	@Test
	void aPageTheDatabaseRefusesIsSavedNotAtAllNotHalfway() {
		onPage(0, page(50, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"), entry("2403.00009", 1, "2024-03-09T09:00:00Z"),
				entry("2403.00008", 1, "2024-03-08T09:00:00Z")));
		// the second entry's category is longer than the catalog stores: the page's transaction rolls back
		onPage(3, page(50, 3, entry("2403.00007", 1, "2024-03-07T09:00:00Z"),
				entry("2403.00006", 1, "2024-03-06T09:00:00Z", "cs." + "X".repeat(100))));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(this.catalog.findPaper("2403.00007")).isEmpty();
	}

	@Test
	void aTruncatedBodyEveryTimeFailsTheRunWithAClearMessage() {
		this.server.always()
			.thenDropMidBody(200, ATOM, page(1, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z")));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.messages()).singleElement().asString().contains("failed 3 times");
		assertThat(this.catalog.countPapers()).isZero();
	}

	@Test
	void anHtmlErrorPageFailsTheRunWithItsTitle() {
		this.server.always()
			.thenRespond(200, Map.of("Content-Type", "text/html"),
					"<!DOCTYPE html><html><head><title>Rate limited</title></head></html>");

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.messages())
			.containsExactly("failed: arXiv answered with an HTML page instead of an Atom feed: 'Rate limited'");
	}

	@Test
	void busyAndRateLimitedAnswersAreWaitedOut() {
		String body = page(1, 0, entry("2403.00010", 1, "2024-03-10T09:00:00Z"));
		this.server.always()
			.thenRespond(503, Map.of("Retry-After", "1"), "busy")
			.thenRespond(429, Map.of(), "slow down")
			.thenRespond(200, ATOM, body);

		IngestRun first = run(this.newPapers);

		assertThat(first.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(first.added()).isEqualTo(1);
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void anArxivThatNeverAnswersFailsTheRunAfterTheAttempts() {
		wireTimingOut();
		this.server.always().thenStall(Duration.ofMinutes(5));

		IngestRun run = run(this.newPapers);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.messages()).singleElement().asString().contains("failed 3 times").contains("HttpTimeoutException");
		// the server may read a request the client already gave up on only after the run has ended
		await("the server to read the three requests").untilAsserted(() -> assertThat(this.server.requests()).hasSize(3));
	}

	@Test
	void idsAreLookedUpAndSavedAndTextThatIsNoIdIsSkipped() {
		this.server.when((request) -> "1707.08567".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, RecordedResponses.named("id_1707.08567_").body());

		IngestRun run = run(this.newPapers, "--ids", "1707.08567,abc,0808.05394");

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		assertThat(run.skipped()).isEqualTo(2);
		assertThat(run.messages()).containsExactly("'abc' is not an arXiv id", "'0808.05394' is not an arXiv id");
		Paper paper = this.catalog.findPaper("1707.08567").orElseThrow();
		assertThat(paper.title()).isEqualTo("Proceedings of Workshop AEW10: Concepts in Information Theory and Communications");
		assertThat(paper.authors()).hasSize(34);
		assertThat(paper.categories()).containsExactly("cs.IT");
	}

	@Test
	void idsArxivDoesNotKnowAreReported() {
		this.server.always().thenRespond(200, ATOM, RecordedResponses.named("id_0000.0000_").body());

		IngestRun run = run(this.newPapers, "--ids", "2401.99999");

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.messages()).containsExactly("2401.99999 was not found on arXiv");
	}

	@Test
	void idsCannotBeCombinedWithAPollsOptions() {
		assertThatThrownBy(() -> run(this.newPapers, "--ids", "2401.00001", "--days", "2"))
			.isInstanceOf(SourceOptions.InvalidOptionsException.class)
			.hasMessage("--ids looks papers up; it takes no --categories or --days");
	}

	@Test
	void theRefreshLooksUpRecentPapersSoANewVersionReplacesTheMetadata() {
		saveExisting("2403.00001");
		saveArxiv("2403.00002", NOW.minus(Duration.ofDays(40)));
		this.catalog.placeOnDailyList(TestPapers.entry("2403.00002", LocalDate.of(2024, 3, 5)));
		saveArxiv("2403.00003", NOW.minus(Duration.ofDays(40)));
		this.server.always().thenRespond(200, ATOM,
				page(2, 0, entry("2403.00001", 2, "2024-03-01T09:00:00Z"), entry("2403.00002", 1, "2024-01-30T12:00:00Z")));

		IngestRun run = run(this.refresh);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request.parameter("id_list")).isEqualTo("2403.00001,2403.00002"));
		assertThat(run.updated()).isEqualTo(2);
		Paper refreshed = this.catalog.findPaper("2403.00001").orElseThrow();
		assertThat(refreshed.version()).isEqualTo(2);
		assertThat(refreshed.title()).isEqualTo("Paper 2403.00001");
		assertThat(this.catalog.versionsOf("2403.00001")).extracting(PaperVersion::number).containsExactly(1, 2);
		assertThat(this.catalog.dailyEntryOf("2403.00001")).isPresent();
	}

	@Test
	void theRefreshLooksBackAsManyDaysAsAsked() {
		saveArxiv("2403.00002", NOW.minus(Duration.ofDays(40)));
		this.server.always().thenRespond(200, ATOM, page(0, 0));

		run(this.refresh, "--days", "41");

		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request.parameter("id_list")).isEqualTo("2403.00002"));
	}

	@Test
	void theRefreshFillsTheCategoriesOfPapersFromHuggingFaceMostRecentlyListedFirst() {
		fromHuggingFace("2401.00001", LocalDate.of(2024, 1, 8));
		fromHuggingFace("2401.00002", LocalDate.of(2024, 1, 9));
		saveExisting("2403.00001");
		this.server.always().thenRespond(200, ATOM, page(3, 0, entry("2401.00002", 1, "2024-01-05T09:00:00Z", "cs.LG"),
				entry("2401.00001", 1, "2024-01-04T09:00:00Z", "cs.CV"), entry("2403.00001", 1, "2024-03-01T09:00:00Z")));

		IngestRun run = run(this.refresh);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.server.requests()).singleElement()
			.satisfies((request) -> assertThat(request.parameter("id_list")).isEqualTo("2401.00002,2401.00001,2403.00001"));
		Paper filled = this.catalog.findPaper("2401.00002").orElseThrow();
		assertThat(filled.categories()).containsExactly("cs.LG");
		// what the daily list brought stays
		assertThat(filled.importedUpvotes()).isEqualTo(12);
		assertThat(filled.importedComments()).isEqualTo(3);
		assertThat(this.catalog.dailyEntryOf("2401.00002")).isPresent();
		assertThat(this.catalog.findPaper("2401.00001").orElseThrow().categories()).containsExactly("cs.CV");
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).isEmpty();
	}

	@Test
	void theRefreshLooksUpAtMostTheConfiguredNumberOfPapersWithoutCategoriesAndTheNextRunTheRest() {
		this.refresh = new ArxivRefreshSource(new IdLookUp(arxiv(), this.catalog), this.catalog, properties(3),
				new RefreshProperties(30, 1), this.clock);
		fromHuggingFace("2401.00001", LocalDate.of(2024, 1, 8));
		fromHuggingFace("2401.00002", LocalDate.of(2024, 1, 9));
		this.server.when((request) -> "2401.00002".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, page(1, 0, entry("2401.00002", 1, "2024-01-05T09:00:00Z", "cs.LG")));
		this.server.when((request) -> "2401.00001".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, page(1, 0, entry("2401.00001", 1, "2024-01-04T09:00:00Z", "cs.CV")));

		run(this.refresh);
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).containsExactly("2401.00001");
		run(this.refresh);

		assertThat(this.server.requests()).extracting((request) -> request.parameter("id_list"))
			.containsExactly("2401.00002", "2401.00001");
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).isEmpty();
	}

	@Test
	void anArxivThatIsDownOrHangsLeavesThePapersWithoutCategoriesAsTheyWereForTheNextRun() {
		wireTimingOut();
		fromHuggingFace("2401.00001", LocalDate.of(2024, 1, 8));
		Paper before = this.catalog.findPaper("2401.00001").orElseThrow();
		this.server.always().thenRespond(503, Map.of(), "down");

		IngestRun down = run(this.refresh);

		assertThat(down.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(this.catalog.findPaper("2401.00001")).contains(before);

		this.server.reset();
		this.server.always().thenStall(Duration.ofMinutes(5));
		IngestRun hanging = run(this.refresh);

		assertThat(hanging.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(hanging.messages()).singleElement().asString().contains("HttpTimeoutException");
		assertThat(this.catalog.findPaper("2401.00001")).contains(before);
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).containsExactly("2401.00001");

		this.server.reset();
		this.server.always().thenRespond(200, ATOM, page(1, 0, entry("2401.00001", 1, "2024-01-04T09:00:00Z", "cs.CV")));
		IngestRun back = run(this.refresh);

		assertThat(back.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.catalog.findPaper("2401.00001").orElseThrow().categories()).containsExactly("cs.CV");
	}

	@Test
	void noPaperWithoutCategoriesIsLookedUpWhenTheFillIsSwitchedOff() {
		this.refresh = new ArxivRefreshSource(new IdLookUp(arxiv(), this.catalog), this.catalog, properties(3),
				new RefreshProperties(30, 0), this.clock);
		fromHuggingFace("2401.00001", LocalDate.of(2024, 1, 8));
		this.server.always().thenRespond(200, ATOM, page(0, 0));

		IngestRun run = run(this.refresh);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.server.requests()).isEmpty();
	}

	/** A paper as Hugging Face's daily list brings it: no categories, counts of its own. */
	private void fromHuggingFace(String id, LocalDate day) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(12).withComments(3).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day));
	}

	private void onPage(int start, String body) {
		this.server.when((request) -> String.valueOf(start).equals(request.parameter("start")))
			.thenRespond(200, ATOM, body);
	}

	private IngestRun run(IngestSource source, String... words) {
		return this.runs.run(source, "command", SourceOptions.parse(List.of(words), source.options()), (line) -> {
		});
	}

	/** A paper from a daily list, published a week before NOW, in version 1. */
	private void saveExisting(String id) {
		saveArxiv(id, NOW.minus(Duration.ofDays(7)));
		this.catalog.placeOnDailyList(TestPapers.entry(id, LocalDate.of(2024, 3, 4)));
	}

	private void saveArxiv(String id, Instant published) {
		this.catalog.saveArxivRecords(List.of(new ArxivRecord(id, 1, "Stored " + id, "Stored abstract.",
				List.of(Author.fromArxiv("Ada Lovelace", List.of())), List.of("cs.CL"), published, published, null,
				null, null, null, List.of(new PaperVersion(1, published, null)))));
	}

}
