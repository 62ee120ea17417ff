package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.paperboy.Stopping;
import io.paperboy.catalog.Catalog;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.SharedData;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hf} source against a local server that plays Hugging Face with real recorded days.
 * The application's clock stands at 2025-06-02T12:00Z (a Monday): "today" is 2025-06-02.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class HfDailySourceTests {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	@Autowired
	private DailyPapersImporter importer;

	@Autowired
	private IngestRuns runs;

	@Autowired
	private Catalog catalog;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Clock clock;

	private ScriptedHttpServer server;

	@BeforeEach
	void emptyCatalogAndStartServer() {
		this.server = ScriptedHttpServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aSyncFetchesTodayAndThePreviousDaysAndAddsTheirEntries() throws IOException {
		serve("2025-05-29");
		serve("2025-05-30");
		serve("2025-06-02");
		// 2025-05-31 and 2025-06-01, a weekend, have no list: the scripted server answers 404
		IngestRun run = run(source(5), SourceOptions.none());
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.messages()).isEmpty();
		Set<String> ids = new LinkedHashSet<>();
		for (String day : List.of("2025-05-29", "2025-05-30", "2025-06-02")) {
			ids.addAll(ids(day));
		}
		assertThat(run.added()).isEqualTo(ids.size());
		assertThat(this.catalog.countPapers()).isEqualTo(ids.size());
		assertThat(this.catalog.dailyEntries(LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-02")))
			.hasSize(ids("2025-06-02").size());
		assertThat(this.server.requests()).extracting((request) -> request.parameter("date"))
			.containsExactly("2025-05-29", "2025-05-30", "2025-05-31", "2025-06-01", "2025-06-02");
		assertThat(this.server.requests()).allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/api/daily_papers");
			assertThat(request.headers().get("user-agent")).startsWith("Paperboy/");
		});
	}

	@Test
	void theDateAndDaysOptionsChooseTheDays() throws IOException {
		serve("2025-05-29");
		serve("2025-05-30");
		IngestRun run = run(source(3), options("--date", "2025-05-30", "--days", "2"));
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.arguments()).isEqualTo("--date 2025-05-30 --days 2");
		assertThat(this.server.requests()).extracting((request) -> request.parameter("date"))
			.containsExactly("2025-05-29", "2025-05-30");
	}

	@Test
	void aSecondFetchWithHigherCountsRefreshesTheArchivedOnes() throws IOException {
		// the archive's file for the day, as imported earlier: its counts are those of 2025-05-30
		Path archived = SharedData.hfDailyPapers("2025-05-30");
		this.importer.importFiles(List.of(archived), (file) -> {
		});
		String paperId = ids("2025-05-30").iterator().next();
		int archivedUpvotes = this.catalog.findPaper(paperId).orElseThrow().importedUpvotes();
		this.server.when((request) -> "2025-05-30".equals(request.parameter("date")))
			.thenRespond(200, JSON, Files.readString(archived))
			.thenRespond(200, JSON, withHigherCounts(Files.readString(archived)));
		HfDailySource source = source(1);
		SourceOptions day = options("--date", "2025-05-30");

		IngestRun first = run(source, day);
		assertThat(first.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(first.added()).isZero();
		IngestRun second = run(source, day);
		assertThat(second.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(second.updated()).isEqualTo(ids("2025-05-30").size());
		assertThat(this.catalog.findPaper(paperId)).get().satisfies((paper) -> {
			assertThat(paper.importedUpvotes()).isEqualTo(archivedUpvotes + 100);
			assertThat(paper.importedComments()).isGreaterThanOrEqualTo(7);
			assertThat(paper.githubStars()).isEqualTo(1234);
		});
		// the entry stays where it was, on its day
		assertThat(this.catalog.dailyEntryOf(paperId)).get()
			.satisfies((entry) -> assertThat(entry.day()).isEqualTo(LocalDate.parse("2025-05-30")));
		// importing the archive again, an older snapshot, leaves the fresh counts alone
		this.importer.importFiles(List.of(archived), (file) -> {
		});
		assertThat(this.catalog.findPaper(paperId).orElseThrow().importedUpvotes()).isEqualTo(archivedUpvotes + 100);
	}

	@Test
	void anEmptyListIsANormalDay() {
		this.server.always().thenRespond(200, JSON, "[]");
		IngestRun run = run(source(2), SourceOptions.none());
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isZero();
		assertThat(run.messages()).isEmpty();
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aDayWithoutAListAnswering404IsANormalDay() {
		this.server.always().thenRespond(404, JSON, "{\"error\":\"Not Found\"}");
		IngestRun run = run(source(3), SourceOptions.none());
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.messages()).isEmpty();
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void aMalformedDayFailsWithItsJsonPathWhileTheOtherDaysLoad() throws IOException {
		serve("2025-05-29");
		String broken = Files.readString(SharedData.hfDailyPapers("2025-05-30"))
			.replaceFirst("\"upvotes\":\\s*(\\d+)", "\"upvotes\":\"$1\"");
		this.server.when((request) -> "2025-05-30".equals(request.parameter("date"))).thenRespond(200, JSON, broken);
		this.server.when((request) -> "2025-05-31".equals(request.parameter("date")))
			.thenRespond(200, JSON, "[{\"paper\": {\"id\": \"2505.00001\"");
		serve("2025-06-02");
		// 2025-06-01 has no list (404)

		IngestRun run = run(source(5), SourceOptions.none());

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.added()).isEqualTo(ids("2025-05-29").size() + ids("2025-06-02").size());
		assertThat(run.messages()).anySatisfy((message) -> assertThat(message)
			.matches("2025-05-30: \\$\\[\\d+\\]\\.paper\\.upvotes: expected an integer but found a string"));
		assertThat(run.messages()).anySatisfy((message) -> assertThat(message).startsWith("2025-05-31: not valid JSON"));
		assertThat(run.messages()).last().asString().contains("2 of 5 days failed");
		assertThat(this.catalog.dailyEntries(LocalDate.parse("2025-05-30"), LocalDate.parse("2025-05-31"))).isEmpty();
	}

	@Test
	void aHostileLinkInAFetchedDayIsDroppedAndNamedInTheRunWhileThePaperLoads() {
		this.server.always().thenRespond(200, JSON, """
				[{"paper": {"id": "2506.30001", "authors": [], "title": "T", "summary": "S", "upvotes": 1,
				            "githubRepo": "javascript:alert(1)",
				            "submittedOnDailyBy": {"user": "../../admin", "fullname": "Intruder"}}}]
				""");

		IngestRun run = run(source(1), SourceOptions.none());

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(1);
		assertThat(this.catalog.findPaper("2506.30001").orElseThrow().githubRepo()).isNull();
		assertThat(run.messages()).anySatisfy((message) -> assertThat(message)
			.endsWith("$[0].paper.githubRepo: \"javascript:alert(1)\" is not an http or https link; dropped"));
		assertThat(run.messages()).anySatisfy((message) -> assertThat(message)
			.contains("$[0].paper.submittedOnDailyBy.user: \"../../admin\" is not a username"));
	}

	@Test
	void aServiceUnavailableAnswerIsRetriedUntilTheListComes() throws IOException {
		this.server.always()
			.thenRespond(503, Map.of("Retry-After", "0"), "busy")
			.thenRespond(200, JSON, Files.readString(SharedData.hfDailyPapers("2025-06-02")));
		IngestRun run = run(source(1), SourceOptions.none());
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(ids("2025-06-02").size());
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aDayThatTimesOutFailsAndTheNextDayStillLoads() throws IOException {
		this.server.when((request) -> "2025-06-01".equals(request.parameter("date"))).thenStall(Duration.ofSeconds(2));
		serve("2025-06-02");
		IngestRun run = run(source(2), SourceOptions.none());
		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.added()).isEqualTo(ids("2025-06-02").size());
		assertThat(run.messages()).first().asString().startsWith("2025-06-01: ").contains("failed 2 times");
	}

	private IngestRun run(HfDailySource source, SourceOptions options) {
		return this.runs.run(source, "command", options, (line) -> {
		});
	}

	/**
	 * The source pointed at this test's server, with tiny waits so retries take milliseconds. The
	 * timeouts are generous: no test here waits for one, and a busy machine must not turn a slow
	 * answer into a failed attempt.
	 */
	private HfDailySource source(int days) {
		SourcesProperties properties = new SourcesProperties("tests@example.org", 7,
				new SourcesProperties.Http(Duration.ofSeconds(10), Duration.ofSeconds(30), 2, Duration.ofMillis(10),
						Duration.ofMillis(50)),
				null, null, new SourcesProperties.Hf(true, URI.create("http://127.0.0.1:" + this.server.port()), days,
						null, Duration.ZERO));
		return new HfDailySource(this.json, this.importer, properties, this.clock, new Stopping());
	}

	private static SourceOptions options(String... words) {
		return SourceOptions.parse(List.of(words), Set.of("date", "days"));
	}

	/** Serves each day's recorded list when it is asked for. */
	private void serve(String... days) throws IOException {
		for (String day : days) {
			Path file = SharedData.hfDailyPapers().resolve(day + ".json");
			String body = Files.exists(file) ? Files.readString(file) : "[]";
			this.server.when((request) -> day.equals(request.parameter("date"))).thenRespond(200, JSON, body);
		}
	}

	private Set<String> ids(String day) throws IOException {
		Path dayFile = SharedData.hfDailyPapers().resolve(day + ".json");
		Set<String> ids = new LinkedHashSet<>();
		if (Files.exists(dayFile)) {
			this.json.readTree(dayFile.toFile()).forEach((entry) -> ids.add(entry.get("paper").get("id").stringValue()));
		}
		return ids;
	}

	/** The same list a little later: more upvotes, comments and stars. */
	private String withHigherCounts(String body) {
		JsonNode list = this.json.readTree(body);
		for (JsonNode entry : list) {
			ObjectNode paper = (ObjectNode) entry.get("paper");
			paper.put("upvotes", paper.get("upvotes").intValue() + 100);
			paper.put("githubStars", 1234);
			((ObjectNode) entry).put("numComments", entry.path("numComments").asInt(0) + 7);
		}
		return this.json.writeValueAsString(list);
	}

}
