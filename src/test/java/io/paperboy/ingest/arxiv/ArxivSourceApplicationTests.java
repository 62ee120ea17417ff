package io.paperboy.ingest.arxiv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.cli.VerbRunner;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.SharedArxivServer;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.paperboy.ingest.arxiv.HandMadeFeeds.entry;
import static io.paperboy.ingest.arxiv.HandMadeFeeds.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application pointed at a local server playing arXiv ({@link SharedArxivServer}), as an
 * operator would run it: categories cs.CL and cs.LG, pages of 2, {@code ops@example.org} as the
 * contact ({@link StorageTest}).
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class ArxivSourceApplicationTests {

	private static final Map<String, String> ATOM = Map.of("Content-Type", "application/atom+xml");

	private final ScriptedHttpServer server = SharedArxivServer.get();

	@Autowired
	private IngestRuns runs;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void emptyCatalog() {
		this.jdbc.sql("delete from ingest_checkpoints").update();
	}

	@Test
	void theScheduledPollRunsThroughTheRecordedRunsWithTheConfiguredCategories() {
		// a paper of the application's today, and two from before the backfill days
		String now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		String old = this.clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString();
		this.server.when((request) -> "0".equals(request.parameter("start")) && request.parameter("search_query") != null)
			.thenRespond(200, ATOM, page(9, 0, entry("2403.10002", 1, now), entry("2403.10001", 1, now)));
		this.server.when((request) -> "2".equals(request.parameter("start")))
			.thenRespond(200, ATOM, page(9, 2, entry("2403.10000", 1, old), entry("2403.09999", 1, old)));
		int before = this.server.requests().size();

		IngestRun run = this.runs.run(this.runs.source("arxiv").orElseThrow(), "schedule", SourceOptions.none(),
				(line) -> {
				});

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run.added()).isEqualTo(2);
		assertThat(this.runs.latestRuns("arxiv", 1)).singleElement()
			.satisfies((recorded) -> assertThat(recorded.trigger()).isEqualTo("schedule"));
		List<ScriptedHttpServer.Request> requests = this.server.requests().subList(before, this.server.requests().size());
		assertThat(requests).hasSize(2)
			.allSatisfy((request) -> assertThat(request.parameter("search_query")).isEqualTo("cat:cs.CL OR cat:cs.LG"));
		assertThat(requests.get(0).headers().get("user-agent")).startsWith("Paperboy/").contains("mailto:ops@example.org");
	}

	@Test
	void ingestRunArxivWithIdsLooksThemUpAndPrintsWhatItDid() {
		this.server.when((request) -> "astro-ph/0601001".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, RecordedResponses.named("id_astro-ph_0601001_").body());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = this.verbs.run(List.of("ingest", "run", "arxiv", "--ids", "astro-ph/0601001"),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Source:            arxiv\n")
			.contains("Outcome:           succeeded\n")
			.contains("Papers added:      1\n");
		Paper paper = this.catalog.findPaper("astro-ph/0601001").orElseThrow();
		assertThat(paper.authors().get(0).affiliations()).containsExactly("Ohio State");
		assertThat(paper.journalRef()).isEqualTo("ActaAstron.56:1-50,2006");
	}

	@Test
	void anIdArxivRefusesFailsTheCommandWithArxivsReason() {
		RecordedResponses.Recorded refused = RecordedResponses.named("id_abc_");
		this.server.when((request) -> "2401.99999".equals(request.parameter("id_list")))
			.thenRespond(refused.status(), ATOM, refused.body());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exitCode = this.verbs.run(List.of("ingest", "run", "arxiv", "--ids", "2401.99999"),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("The run failed: arXiv refused the request: incorrect id format for abc (HTTP 400)");
	}

	@Test
	void bothSourcesShareOneClientSoArxivSeesOneRequestAtATime() {
		assertThat(this.context.getBeansOfType(ArxivClient.class)).hasSize(1);
		assertThat(this.runs.sources()).containsKeys("arxiv", "arxiv-refresh");
		ArxivClient shared = this.context.getBean(ArxivClient.class);
		IdLookUp lookUp = this.context.getBean(IdLookUp.class);
		assertThat(lookUp).extracting("arxiv").isSameAs(shared);
		assertThat(this.context.getBean(ArxivNewPapersSource.class)).extracting("arxiv").isSameAs(shared);
	}

}
