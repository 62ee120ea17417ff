package io.paperboy.ingest.schedule;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh install started while Hugging Face is unreachable: the first-start backfill fails, is
 * recorded as failed, and is tried again later until it succeeds. (The recurring sync is switched
 * off here, so that only the backfill talks to the server.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms",
				"db-scheduler.shutdown-max-wait=2s", "paperboy.schedules.backfill-delay=0s",
				"paperboy.schedules.backfill-retry=200ms", "paperboy.sources.backfill-days=1",
				"paperboy.sources.hf.sync-cron=-", "paperboy.sources.hf.request-interval=0s",
				"paperboy.sources.http.backoff=10ms", "paperboy.sources.http.max-attempts=2",
				"paperboy.sources.arxiv.enabled=false", "paperboy.sources.oai.enabled=false" })
// the real day it serves is read while the class is initialised
@EnabledIf(value = "io.paperboy.support.SharedData#hfDailyPapersPresent", disabledReason = "real data absent")
class BackfillRetryTests {

	private static final ScriptedHttpServer huggingFace = ScriptedHttpServer.start();

	static {
		// down for the first attempt (two requests), then up
		huggingFace.always()
			.thenRespond(503, Map.of(), "down for maintenance")
			.thenRespond(503, Map.of(), "down for maintenance")
			.thenRespond(200, Map.of("Content-Type", "application/json"),
					HuggingFacePlayer.read(SharedData.hfDailyPapers("2025-06-02")));
	}

	@DynamicPropertySource
	static void pointAtTheLocalHuggingFace(DynamicPropertyRegistry properties) {
		properties.add("paperboy.sources.hf.api-url", () -> "http://127.0.0.1:" + huggingFace.port());
	}

	@AfterAll
	static void stopHuggingFace() {
		huggingFace.close();
	}

	@Autowired
	private IngestRuns runs;

	@Test
	void aBackfillThatFailsIsTriedAgainUntilItSucceeds() {
		List<IngestRun> backfills = await("a backfill that succeeds").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(this::backfills, (runs) -> runs.stream().anyMatch((run) -> run.outcome() == IngestRun.Outcome.SUCCEEDED));
		assertThat(backfills).extracting(IngestRun::outcome)
			.containsExactly(IngestRun.Outcome.FAILED, IngestRun.Outcome.SUCCEEDED);
		assertThat(backfills.get(0).messages()).first().asString().contains("answered HTTP 503 to 2 attempts");
		assertThat(backfills.get(1).added()).isEqualTo(HuggingFacePlayer.ids("2025-06-02").size());
	}

	private List<IngestRun> backfills() {
		return this.runs.latestRuns("hf", 10)
			.stream()
			.filter((run) -> run.trigger().equals("backfill"))
			.sorted(Comparator.comparingLong(IngestRun::id))
			.toList();
	}

}
