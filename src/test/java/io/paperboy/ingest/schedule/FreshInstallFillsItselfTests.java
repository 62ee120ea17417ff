package io.paperboy.ingest.schedule;

import java.util.Map;
import java.util.Set;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.arxiv.HandMadeFeeds;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install, scheduler on, pointed at one local server that plays both arXiv's API and
 * Hugging Face: it fills itself from both with no one pressing a button, and a paper that arrives
 * from both ends as one paper with arXiv's bibliography and Hugging Face's counts and list entry.
 * "Today" is 2025-06-02 12:00 UTC; the backfill goes 5 days back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "db-scheduler.enabled=true", "db-scheduler.polling-interval=100ms",
				"db-scheduler.shutdown-max-wait=2s", "paperboy.schedules.backfill-delay=0s",
				"paperboy.sources.backfill-days=5", "paperboy.sources.hf.days=1",
				"paperboy.sources.hf.sync-cron=-", "paperboy.sources.hf.request-interval=0s",
				"paperboy.sources.arxiv.categories=cs.CL,cs.LG", "paperboy.sources.arxiv.poll-cron=*/2 * * * * *",
				"paperboy.sources.arxiv.refresh-cron=-", "paperboy.sources.arxiv.request-interval=0s",
				"paperboy.sources.http.backoff=10ms", "paperboy.sources.http.max-attempts=2",
				"paperboy.sources.oai.enabled=false" })
@Import(MutableClock.Configuration.class)
// the real day it serves is read while the class is initialised
@EnabledIf(value = "io.paperboy.support.SharedData#hfDailyPapersPresent", disabledReason = "real data absent")
class FreshInstallFillsItselfTests {

	/** On Hugging Face's list of 2025-06-02, and announced on arXiv the day before. */
	private static final String ON_BOTH = "2505.24864";

	private static final ScriptedHttpServer peers = playArxivBeside(HuggingFacePlayer.start("2025-06-02"));

	@DynamicPropertySource
	static void pointAtTheLocalPeers(DynamicPropertyRegistry properties) {
		properties.add("paperboy.sources.hf.api-url", () -> "http://127.0.0.1:" + peers.port());
		properties.add("paperboy.sources.arxiv.api-url", () -> "http://127.0.0.1:" + peers.port() + "/api/query");
	}

	@AfterAll
	static void stopPeers() {
		peers.close();
	}

	@Autowired
	private IngestRuns runs;

	@Autowired
	private Catalog catalog;

	@Test
	void theCatalogFillsFromArxivAndHuggingFaceAndAPaperOnBothIsOnePaper() throws Exception {
		Set<String> listed = HuggingFacePlayer.ids("2025-06-02");

		IngestRun hf = FinishedRuns.await(this.runs, "hf", "backfill");
		IngestRun arxiv = FinishedRuns.await(this.runs, "arxiv", "backfill");
		IngestRun poll = FinishedRuns.await(this.runs, "arxiv", "schedule");

		assertThat(hf.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(arxiv.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(poll.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		// two arXiv papers new to the catalog, and the one also on Hugging Face's list; the one too
		// old for the backfill is left out. The backfill and the first poll take turns, in either
		// order: between them, each paper is saved once as new
		assertThat(this.catalog.countPapers()).isEqualTo(listed.size() + 2);
		assertThat(addedBy("arxiv") + addedBy("hf")).isEqualTo(listed.size() + 2);
		assertThat(this.catalog.findPaper("2505.90001")).isPresent();
		assertThat(this.catalog.findPaper("2505.90003")).isEmpty();
		Paper both = this.catalog.findPaper(ON_BOTH).orElseThrow();
		assertThat(both.title()).isEqualTo("Paper " + ON_BOTH);
		assertThat(both.authors().get(0).affiliations()).containsExactly("Analytical Engines");
		assertThat(both.upvotes()).isPositive();
		assertThat(this.catalog.dailyEntryOf(ON_BOTH)).isPresent();
		assertThat(peers.requests()).filteredOn((request) -> request.path().equals("/api/query"))
			.first()
			.satisfies((request) -> assertThat(request.parameter("search_query")).contains("cat:cs.CL", "cat:cs.LG"));
	}

	private long addedBy(String source) {
		return this.runs.latestRuns(source, 100)
			.stream()
			.filter((run) -> run.outcome() != IngestRun.Outcome.RUNNING)
			.mapToLong(IngestRun::added)
			.sum();
	}

	/** arXiv's answer to the new-papers query: newest first, the last one older than the backfill. */
	private static ScriptedHttpServer playArxivBeside(ScriptedHttpServer server) {
		String page = HandMadeFeeds.page(4, 0, HandMadeFeeds.entry("2505.90001", 1, "2025-06-01T18:00:00Z"),
				HandMadeFeeds.entry(ON_BOTH, 1, "2025-05-30T17:59:00Z"),
				HandMadeFeeds.entry("2505.90002", 2, "2025-05-29T10:00:00Z"),
				HandMadeFeeds.entry("2505.90003", 1, "2025-05-20T10:00:00Z"));
		server.when((request) -> request.path().equals("/api/query") && request.parameter("search_query") != null
				&& !request.parameter("search_query").isEmpty())
			.thenRespond(200, Map.of("Content-Type", "application/atom+xml"), page);
		server.when((request) -> request.path().equals("/api/query"))
			.thenRespond(200, Map.of("Content-Type", "application/atom+xml"), HandMadeFeeds.page(0, 0));
		return server;
	}

}
