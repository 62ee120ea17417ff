package io.paperboy.ingest.schedule;

import io.paperboy.support.Operators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.paperboy.catalog.Catalog;
import io.paperboy.cli.VerbRunner;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh install, with the scheduler on, pointed at a local server that plays Hugging Face: it
 * backfills on start and then syncs on its schedule, with no one pressing a button; operators see
 * it in {@code ingest status}, on {@code /admin/ingest} and in {@code /actuator/prometheus}.
 * "Today" is 2025-06-02 (the application's clock stands still); the backfill looks back 5 days,
 * of which the archive has 2025-05-29, 2025-05-30 and 2025-06-02 (the others are a weekend).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms",
				"db-scheduler.shutdown-max-wait=2s", "paperboy.schedules.backfill-delay=0s",
				"paperboy.sources.backfill-days=5", "paperboy.sources.hf.days=1",
				"paperboy.sources.hf.sync-cron=*/2 * * * * *", "paperboy.sources.hf.request-interval=0s",
				"paperboy.sources.http.backoff=10ms", "paperboy.sources.http.max-attempts=2",
				// only Hugging Face is played here: the arXiv sources stay off
				"paperboy.sources.arxiv.enabled=false", "paperboy.sources.oai.enabled=false" })
@Import(MutableClock.Configuration.class)
// the real day it serves is read while the class is initialised
@EnabledIf(value = "io.paperboy.support.SharedData#hfDailyPapersPresent", disabledReason = "real data absent")
class ScheduledIngestionTests {

	private static final ScriptedHttpServer huggingFace = HuggingFacePlayer.start("2025-05-29", "2025-05-30",
			"2025-06-02");

	@DynamicPropertySource
	static void pointAtTheLocalHuggingFace(DynamicPropertyRegistry properties) {
		properties.add("paperboy.sources.hf.api-url", () -> "http://127.0.0.1:" + huggingFace.port());
	}

	@AfterAll
	static void stopHuggingFace() {
		huggingFace.close();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private IngestRuns runs;

	@Autowired
	private Catalog catalog;

	@Autowired
	private VerbRunner verbs;

	@Test
	void aFreshInstallBackfillsOnStartThenSyncsOnScheduleAndOperatorsSeeIt() throws Exception {
		Set<String> backfilled = HuggingFacePlayer.ids("2025-05-29", "2025-05-30", "2025-06-02");

		IngestRun backfill = FinishedRuns.await(this.runs, "hf", "backfill");
		assertThat(backfill.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(backfill.arguments()).isEqualTo("--days 5");
		IngestRun scheduled = FinishedRuns.await(this.runs, "hf", "schedule");
		assertThat(scheduled.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(this.catalog.countPapers()).isEqualTo(backfilled.size());
		// the first scheduled sync may come before the backfill or after it (runs of hf take turns):
		// between them, every paper is added once
		assertThat(this.runs.latestRuns("hf", 100)
			.stream()
			.filter((run) -> run.outcome() != IngestRun.Outcome.RUNNING)
			.mapToLong(IngestRun::added)
			.sum()).isEqualTo(backfilled.size());
		assertThat(huggingFace.requests()).extracting((request) -> request.parameter("date"))
			.contains("2025-05-29", "2025-05-30", "2025-05-31", "2025-06-01", "2025-06-02");

		String status = statusVerb();
		assertThat(status).contains("hf (on)", "Last success:  2025-06-02 12:00:00 UTC")
			.containsPattern("Next run:      \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");

		// the page shows each source's latest run, and the sync starts every 2 seconds: wait for a
		// moment between two runs rather than count on one
		HttpResponse<String> page = await("the operators' page showing a finished run of hf")
			.atMost(Duration.ofSeconds(20))
			.until(() -> get("/admin/ingest"),
					(answer) -> answer.statusCode() != 200 || answer.body().contains("succeeded"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<tr id=\"source-hf\">", "succeeded");

		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body())
			.containsPattern("paperboy_ingest_papers_total\\{[^}]*outcome=\"added\"[^}]*source=\"hf\"[^}]*\\} "
					+ backfilled.size() + "\\.0")
			.containsPattern("paperboy_ingest_runs_seconds_count\\{[^}]*outcome=\"succeeded\"[^}]*source=\"hf\"[^}]*\\} ");
	}

	private String statusVerb() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.verbs.run(List.of("ingest", "status"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", Operators.AUTHORIZATION)
				.build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
