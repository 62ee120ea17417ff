package io.paperboy.ingest.oai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperVersion;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.ingest.http.PoliteHttpClient;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Harvests against a local server playing arXiv's OAI-PMH interface, into a real catalog: paging,
 * flow control, protocol errors, bad pages, and a harvest interrupted at every point and resumed.
 * Each subclass runs it on one database.
 */
@StorageTest
abstract class OaiHarvestContract {

	private static final Map<String, String> XML = Map.of("Content-Type", "text/xml;charset=UTF-8");

	/** The crash test's list: four pages with a newer version, a repeat, a bad id and a deletion. */
	private static final List<String> PAGES = List.of(
			OaiBodies.page("t1", OaiBodies.rawRecord("2401.00001", 1, "A"), OaiBodies.rawRecord("2401.00002", 2, "B"),
					OaiBodies.rawRecord("2401.00003", 1, "C")),
			OaiBodies.page("t2", OaiBodies.rawRecord("2401.00004", 1, "D"), OaiBodies.rawRecord("2401.00002", 3, "B three"),
					OaiBodies.rawRecord("junk", 1, "Junk"), OaiBodies.deletedRecord("2401.00006")),
			OaiBodies.page("t3", OaiBodies.rawRecord("2401.00001", 1, "A"), OaiBodies.rawRecord("hep-th/9901001", 1, "G")),
			OaiBodies.page(null, OaiBodies.rawRecord("2401.00008", 1, "H"), OaiBodies.rawRecord("2401.00004", 2, "D two")));

	private static final OaiHarvest CRASH_HARVEST = new OaiHarvest("arXivRaw", "cs", LocalDate.parse("2024-01-01"),
			LocalDate.parse("2024-01-31"));

	@Autowired
	private Catalog catalog;

	@Autowired
	private Checkpoints checkpoints;

	@Autowired
	private IngestRuns runs;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	private ScriptedHttpServer server;

	@BeforeEach
	void emptyCatalogAndStartServer() {
		emptyCatalog();
		this.server = ScriptedHttpServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void harvestFollowsTokensAndAsksForLaterPagesWithOnlyVerbAndToken() {
		this.server.when((request) -> request.parameter("resumptionToken") == null)
			.thenRespond(200, XML, OaiResponseParserTests.fixture("arxiv-format-page1.xml"));
		this.server.when((request) -> "arXiv|cs|2024-01-01|2024-01-31|4".equals(request.parameter("resumptionToken")))
			.thenRespond(200, XML, OaiResponseParserTests.fixture("arxiv-format-page2.xml"));
		OaiHarvest harvest = new OaiHarvest("arXiv", "cs", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31"));

		IngestRun run = run(harvester(), harvest);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(4);
		assertThat(run.unchanged()).isEqualTo(1);
		assertThat(run.skipped()).isEqualTo(1);
		assertThat(run.messages()).contains("1 deleted record(s) left alone: 0704.0002",
				"oai:arXiv.org:not-an-id: 'not-an-id' is not an arXiv id");
		assertThat(this.catalog.countPapers()).isEqualTo(4);
		assertThat(this.catalog.findPaper("0704.0002")).isEmpty();
		List<ScriptedHttpServer.Request> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).path()).isEqualTo("/oai2");
		assertThat(parameters(requests.get(0))).containsExactly("from", "metadataPrefix", "set", "until", "verb");
		assertThat(requests.get(0).parameter("verb")).isEqualTo("ListRecords");
		assertThat(requests.get(0).parameter("metadataPrefix")).isEqualTo("arXiv");
		assertThat(requests.get(0).parameter("set")).isEqualTo("cs");
		assertThat(requests.get(0).parameter("from")).isEqualTo("2024-01-01");
		assertThat(requests.get(0).parameter("until")).isEqualTo("2024-01-31");
		assertThat(parameters(requests.get(1))).containsExactly("resumptionToken", "verb");
		assertThat(requests.get(1).headers().get("user-agent")).startsWith("Paperboy-tests");
		assertThat(this.checkpoints.read(harvest.checkpointName())).isEmpty();
	}

	@Test
	void realArxivRawPageAndItsFollowerAreHarvestedWhole() throws java.io.IOException {
		String realPage = java.nio.file.Files.readString(io.paperboy.support.SharedData.require(OaiResponseParserTests.REAL_PAGE));
		this.server.when((request) -> request.parameter("resumptionToken") == null).thenRespond(200, XML, realPage);
		this.server.when((request) -> "3996692|1001".equals(request.parameter("resumptionToken")))
			.thenRespond(200, XML, OaiBodies.page(null, OaiBodies.rawRecord("1910.00001", 2, "The last record")));
		OaiHarvest harvest = new OaiHarvest("arXivRaw", "cs", LocalDate.parse("2019-10-01"), LocalDate.parse("2019-10-09"));

		IngestRun run = run(harvester(), harvest);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1001);
		assertThat(this.catalog.countPapers()).isEqualTo(1001);
		// counted in the file: 2,322 versions over its 1,000 records
		assertThat(this.jdbc.sql("select count(*) from paper_versions").query(Long.class).single()).isEqualTo(2322 + 2);
		assertThat(this.catalog.findPaper("1212.1710").orElseThrow().version()).isEqualTo(7);
		assertThat(this.server.requests().get(1).query()).isEqualTo("verb=ListRecords&resumptionToken=3996692%7C1001");
	}

	@Test
	void oaiSourceIsRegisteredAndSwitchedOffByDefault() {
		assertThat(this.runs.source("oai")).hasValueSatisfying((source) -> {
			assertThat(source.enabled()).isFalse();
			assertThat(source.options()).containsExactly("set", "from", "until", "metadata-prefix");
		});
	}

	@Test
	void arxivFormatRecordKeepsTheNewerVersionTheCatalogHasAndRefreshesItsMetadata() {
		Instant v1 = Instant.parse("2024-01-01T09:30:00Z");
		Instant v3 = Instant.parse("2024-01-25T16:00:00Z");
		this.catalog.saveArxivRecords(List.of(new ArxivRecord("2401.00001", 3, "Title of version 3", "Abstract",
				List.of(Author.fromArxiv("Richard Roe", List.of())), List.of("cs.CL"), v1, v3, null, null, null, null,
				List.of(new PaperVersion(1, v1, "10kb"), new PaperVersion(2, Instant.parse("2024-01-20T08:00:00Z"), "11kb"),
						new PaperVersion(3, v3, "12kb")))));
		this.server.always().thenRespond(200, XML, OaiResponseParserTests.fixture("arxiv-format-page2.xml"));

		IngestRun run = run(harvester(), new OaiHarvest("arXiv", null, null, null));

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.updated()).isEqualTo(1);
		assertThat(run.added()).isEqualTo(1);
		var known = this.catalog.findPaper("2401.00001").orElseThrow();
		assertThat(known.version()).isEqualTo(3);
		assertThat(known.title()).isEqualTo("A paper with a second version");
		assertThat(known.comment()).isEqualTo("v2: typos fixed");
		assertThat(this.catalog.versionsOf("2401.00001")).extracting(PaperVersion::number, PaperVersion::submittedAt)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, v1),
					org.assertj.core.groups.Tuple.tuple(2, Instant.parse("2024-01-20T08:00:00Z")),
					org.assertj.core.groups.Tuple.tuple(3, v3));
		var added = this.catalog.findPaper("2401.00002").orElseThrow();
		assertThat(added.version()).isEqualTo(1);
		assertThat(this.catalog.versionsOf("2401.00002"))
			.containsExactly(new PaperVersion(1, Instant.parse("2024-01-02T00:00:00Z"), null));
	}

	@Test
	void serviceUnavailableWithRetryAfterIsWaitedOut() {
		this.server.always()
			.thenRespond(503, Map.of("Retry-After", "1"), "Retry after 1 second")
			.thenRespond(200, XML, OaiBodies.page(null, OaiBodies.rawRecord("2401.00001", 1, "A")));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		List<ScriptedHttpServer.Request> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void expiredResumptionTokenRestartsTheRangeFromItsBeginning() {
		this.server.when((request) -> request.parameter("resumptionToken") == null)
			.thenRespond(200, XML, PAGES.get(0));
		this.server.when((request) -> "t1".equals(request.parameter("resumptionToken")))
			.thenRespond(200, XML, OaiBodies.error("badResumptionToken", "The value of resumptionToken is invalid or expired."))
			.thenRespond(200, XML, PAGES.get(3));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.messages()).contains("The resumption token t1 has expired;"
				+ " the harvest started again from the beginning of its range");
		assertThat(tokens(this.server.requests())).containsExactly("", "t1", "", "t1");
		assertThat(run.added()).isEqualTo(5);
		assertThat(run.unchanged()).isEqualTo(3);
		assertThat(this.catalog.countPapers()).isEqualTo(5);
		assertThat(this.checkpoints.read(CRASH_HARVEST.checkpointName())).isEmpty();
	}

	@Test
	void staleCheckpointTokenRestartsTheRange() {
		this.checkpoints.write(CRASH_HARVEST.checkpointName(), "stale");
		this.server.when((request) -> "stale".equals(request.parameter("resumptionToken")))
			.thenRespond(200, XML, OaiBodies.error("badResumptionToken", "expired"));
		this.server.always().thenRespond(200, XML, PAGES.get(3));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(tokens(this.server.requests())).containsExactly("stale", "");
		assertThat(run.added()).isEqualTo(2);
	}

	@Test
	void noRecordsMatchIsASuccessfulRunWithNothing() {
		this.server.always().thenRespond(200, XML, OaiBodies.error("noRecordsMatch", "No records match"));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added() + run.updated() + run.unchanged() + run.skipped()).isZero();
		assertThat(run.messages()).containsExactly("No records match " + CRASH_HARVEST);
	}

	@Test
	void otherOaiErrorFailsTheRunWithItsCodeAndMessage() {
		this.server.always().thenRespond(200, XML, OaiBodies.error("badArgument", "Illegal set cs.XX"));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.messages()).containsExactly("failed: OAI-PMH error badArgument: Illegal set cs.XX");
	}

	static Stream<Arguments> badSecondPages() {
		String page = PAGES.get(1);
		return Stream.of(Arguments.of("malformed XML", page.replace("</title>", "</titel>")),
				Arguments.of("a body cut short", page.substring(0, page.length() / 2)),
				Arguments.of("an HTML error page", "<html><body><h1>Internal error</h1></body></html>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSecondPages")
	void badPageFailsTheRunAndKeepsEarlierPagesWithTheCheckpointAfterThem(String what, String body) {
		this.server.when((request) -> request.parameter("resumptionToken") == null).thenRespond(200, XML, PAGES.get(0));
		this.server.always().thenRespond(200, Map.of("Content-Type", "text/html"), body);

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.added()).isEqualTo(3);
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(this.checkpoints.read(CRASH_HARVEST.checkpointName())).contains("t1");
	}

	@Test
	void connectionDroppedMidBodyFailsTheRunAfterItsAttemptsAndKeepsEarlierPages() {
		this.server.when((request) -> request.parameter("resumptionToken") == null).thenRespond(200, XML, PAGES.get(0));
		this.server.always().thenDropMidBody(200, XML, PAGES.get(1));

		IngestRun run = run(harvester(), CRASH_HARVEST);

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(tokens(this.server.requests())).containsExactly("", "t1", "t1");
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(this.checkpoints.read(CRASH_HARVEST.checkpointName())).contains("t1");
	}

	static Stream<Arguments> interruptions() {
		List<Arguments> points = new ArrayList<>();
		for (int page = 1; page <= PAGES.size(); page++) {
			points.add(Arguments.of("request", page));
			points.add(Arguments.of("commit", page));
		}
		return points.stream();
	}

	/**
	 * The crash test: a harvest interrupted at page k (its request fails, or the transaction saving
	 * it fails just before the commit) and run again ends exactly as an uninterrupted one: same
	 * papers, versions and titles, the same counts over both runs, each page saved once.
	 */
	@ParameterizedTest(name = "interrupted at the {0} of page {1}")
	@MethodSource("interruptions")
	void harvestInterruptedAnywhereAndRunAgainEndsAsAnUninterruptedOne(String point, int page) {
		scriptPages(0);
		IngestRun uninterrupted = run(harvester(), CRASH_HARVEST);
		assertThat(uninterrupted.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(List.of(uninterrupted.added(), uninterrupted.updated(), uninterrupted.unchanged(),
				uninterrupted.skipped())).containsExactly(6L, 2L, 1L, 1L);
		List<String> expected = catalogContents();
		emptyCatalog();
		this.server.close();
		this.server = ScriptedHttpServer.start();

		AtomicBoolean crashed = new AtomicBoolean();
		Consumer<OaiResponse> crash = (saved) -> {
			if (point.equals("commit") && token(saved).equals(tokenOf(page)) && crashed.compareAndSet(false, true)) {
				throw new IllegalStateException("crash before the commit of page " + page);
			}
		};
		scriptPages(point.equals("request") ? page : 0);
		IngestRun interrupted = run(harvester(crash), CRASH_HARVEST);
		int firstRunRequests = this.server.requests().size();
		IngestRun resumed = run(harvester(crash), CRASH_HARVEST);

		assertThat(interrupted.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(resumed.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(catalogContents()).isEqualTo(expected);
		assertThat(interrupted.added() + resumed.added()).isEqualTo(uninterrupted.added());
		assertThat(interrupted.updated() + resumed.updated()).isEqualTo(uninterrupted.updated());
		assertThat(interrupted.unchanged() + resumed.unchanged()).isEqualTo(uninterrupted.unchanged());
		assertThat(interrupted.skipped() + resumed.skipped()).isEqualTo(uninterrupted.skipped());
		// the second run starts with the page that failed and asks for each later page once
		List<String> secondRun = tokens(this.server.requests().subList(firstRunRequests, this.server.requests().size()));
		List<String> expectedSecondRun = new ArrayList<>();
		for (int later = page; later <= PAGES.size(); later++) {
			expectedSecondRun.add(requestTokenOf(later));
		}
		assertThat(secondRun).isEqualTo(expectedSecondRun);
		assertThat(this.checkpoints.read(CRASH_HARVEST.checkpointName())).isEmpty();
	}

	@Test
	void scheduledHarvestBackfillsThenContinuesFromTheDayAfterTheLastCompleteHarvest() {
		this.server.always().thenRespond(200, XML, OaiBodies.page(null, OaiBodies.rawRecord("2401.00001", 1, "A")));
		Instant now = Instant.parse("2024-02-10T03:00:00Z");

		assertThat(run(scheduledSource(now), SourceOptions.none()).outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run(scheduledSource(now), SourceOptions.none()).messages())
			.containsExactly("Nothing to harvest: every day until 2024-02-09 is harvested already");
		assertThat(run(scheduledSource(now.plus(Duration.ofDays(2))), SourceOptions.none()).outcome())
			.isEqualTo(IngestRun.Outcome.SUCCEEDED);

		List<ScriptedHttpServer.Request> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests).extracting((request) -> request.parameter("metadataPrefix") + " " + request.parameter("set")
				+ " " + request.parameter("from") + ".." + request.parameter("until"))
			.containsExactly("arXivRaw cs 2024-02-07..2024-02-09", "arXivRaw cs 2024-02-10..2024-02-11");
	}

	@Test
	void failedScheduledHarvestIsResumedWithTheSameRangeByTheNextRun() {
		this.server.when((request) -> request.parameter("resumptionToken") == null).thenRespond(200, XML, PAGES.get(0));
		this.server.when((request) -> "t1".equals(request.parameter("resumptionToken")))
			.thenRespond(500, Map.of(), "down")
			.thenRespond(500, Map.of(), "down")
			.thenRespond(200, XML, PAGES.get(3));
		Instant now = Instant.parse("2024-02-10T03:00:00Z");

		IngestRun failed = run(scheduledSource(now), SourceOptions.none());
		IngestRun resumed = run(scheduledSource(now.plus(Duration.ofDays(1))), SourceOptions.none());

		assertThat(failed.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(resumed.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(tokens(this.server.requests())).containsExactly("", "t1", "t1", "t1");
		assertThat(failed.added() + resumed.added()).isEqualTo(5);
		this.server.always().thenRespond(200, XML, OaiBodies.error("noRecordsMatch", "none"));
		run(scheduledSource(now.plus(Duration.ofDays(1))), SourceOptions.none());
		assertThat(this.server.requests().get(4).parameter("from")).isEqualTo("2024-02-10");
		assertThat(this.server.requests().get(4).parameter("until")).isEqualTo("2024-02-10");
	}

	@Test
	void optionsNameTheHarvestAndNonsenseIsRefused() {
		this.server.always().thenRespond(200, XML, OaiBodies.error("noRecordsMatch", "none"));
		OaiSource source = scheduledSource(Instant.parse("2024-02-10T03:00:00Z"));

		IngestRun run = run(source, SourceOptions.parse(
				List.of("--set", "math", "--from", "2019-10-01", "--until", "2019-10-09", "--metadata-prefix", "arXiv"),
				source.options()));

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.server.requests().get(0).query())
			.isEqualTo("verb=ListRecords&metadataPrefix=arXiv&set=math&from=2019-10-01&until=2019-10-09");
		assertThatExceptionOfType(SourceOptions.InvalidOptionsException.class)
			.isThrownBy(() -> source.run(SourceOptions.parse(List.of("--metadata-prefix", "oai_dc"), source.options()),
					null))
			.withMessageContaining("arXiv, arXivRaw");
		assertThatExceptionOfType(SourceOptions.InvalidOptionsException.class)
			.isThrownBy(() -> source.run(SourceOptions.parse(List.of("--from", "2019-10-09", "--until", "2019-10-01"),
					source.options()), null))
			.withMessage("--from 2019-10-09 is after --until 2019-10-01");
	}

	private void scriptPages(int failing) {
		for (int page = 1; page <= PAGES.size(); page++) {
			String token = requestTokenOf(page);
			ScriptedHttpServer.Rule rule = this.server
				.when((request) -> token.equals(String.valueOf(request.parameter("resumptionToken")).replace("null", "")));
			if (page == failing) {
				rule.thenRespond(500, Map.of(), "down").thenRespond(500, Map.of(), "down");
			}
			rule.thenRespond(200, XML, PAGES.get(page - 1));
		}
	}

	/** The token that asks for page k: none for the first. */
	private static String requestTokenOf(int page) {
		return (page == 1) ? "" : "t" + (page - 1);
	}

	/** The token page k ends with: none for the last. */
	private static String tokenOf(int page) {
		return (page == PAGES.size()) ? "" : "t" + page;
	}

	private static String token(OaiResponse page) {
		return (page.resumptionToken() != null) ? page.resumptionToken() : "";
	}

	private static List<String> tokens(List<ScriptedHttpServer.Request> requests) {
		return requests.stream()
			.map((request) -> (request.parameter("resumptionToken") != null) ? request.parameter("resumptionToken") : "")
			.toList();
	}

	private static Set<String> parameters(ScriptedHttpServer.Request request) {
		Set<String> names = new TreeSet<>();
		for (String pair : request.query().split("&")) {
			names.add(pair.substring(0, pair.indexOf('=')));
		}
		return names;
	}

	/** Papers, versions and authors as rows of text, to compare two catalogs whole. */
	private List<String> catalogContents() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.sql("select id, version, title, summary from papers order by id")
			.query((row, n) -> "paper " + row.getString(1) + " v" + row.getInt(2) + " " + row.getString(3) + " / "
					+ row.getString(4))
			.list());
		rows.addAll(this.jdbc.sql("select paper_id, version, submitted_at, size from paper_versions order by paper_id, version")
			.query((row, n) -> "version " + row.getString(1) + " v" + row.getInt(2) + " "
					+ row.getObject(3, java.time.OffsetDateTime.class).toInstant() + " " + row.getString(4))
			.list());
		rows.addAll(this.jdbc.sql("select paper_id, position, name from paper_authors order by paper_id, position")
			.query((row, n) -> "author " + row.getString(1) + " " + row.getInt(2) + " " + row.getString(3))
			.list());
		return rows;
	}

	private void emptyCatalog() {
		CatalogTables.empty(this.jdbc, this.events);
		this.jdbc.sql("delete from ingest_checkpoints").update();
	}

	private PoliteHttpClient.Settings httpSettings() {
		return properties(false).httpSettings(Duration.ofMillis(1));
	}

	private SourcesProperties properties(boolean scheduled) {
		return new SourcesProperties("tests@example.org", 3,
				new SourcesProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMillis(2),
						Duration.ofSeconds(2)),
				new SourcesProperties.Arxiv(true, null, this.server.uri("/oai2"), null, Duration.ofMillis(1), null, null,
						null),
				new SourcesProperties.Oai(scheduled, "cs", "arXivRaw", null), null);
	}

	private OaiHarvester harvester() {
		return harvester((page) -> {
		});
	}

	private OaiHarvester harvester(Consumer<OaiResponse> beforeCommit) {
		PoliteHttpClient.Settings settings = httpSettings();
		PoliteHttpClient http = new PoliteHttpClient(new PoliteHttpClient.Settings("Paperboy-tests " + settings.userAgent(),
				settings.interval(), settings.connectTimeout(), settings.requestTimeout(), settings.maxAttempts(),
				settings.backoff(), settings.maxBackoff()), Clock.systemUTC());
		return new OaiHarvester(http, this.server.uri("/oai2"), this.catalog, this.checkpoints,
				new TransactionTemplate(this.transactionManager), beforeCommit);
	}

	private OaiSource scheduledSource(Instant now) {
		return new OaiSource(properties(true), harvester(), this.checkpoints, Clock.fixed(now, ZoneOffset.UTC));
	}

	private IngestRun run(OaiHarvester harvester, OaiHarvest harvest) {
		return this.runs.run("oai", "test", harvest.toString(), (line) -> {
		}, (tally) -> harvester.harvest(harvest, tally));
	}

	private IngestRun run(OaiSource source, SourceOptions options) {
		return this.runs.run(source, "test", options, (line) -> {
		});
	}


}
