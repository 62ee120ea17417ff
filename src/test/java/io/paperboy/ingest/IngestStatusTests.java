package io.paperboy.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.paperboy.catalog.SaveOutcome;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.MutableClock;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code ingest status} and {@code /admin/ingest}, over runs recorded through {@link IngestRuns}
 * and a next run as db-scheduler writes it. "Now" is 2025-06-02T12:00Z.
 */
@WebTest
class IngestStatusTests {

	private static final String HOSTILE = "<script>alert('x')</script> & more";

	@Autowired
	private IngestRuns runs;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void forgetRunsAndSchedules() {
		this.jdbc.sql("delete from ingest_runs").update();
		this.jdbc.sql("delete from scheduled_tasks").update();
		this.clock.set(MutableClock.Configuration.START);
	}

	@Test
	void theStatusVerbShowsEachSourcesLastRunWhatItDidAndItsNextRun() {
		recordSnapshotImport();
		recordFailedSync();
		schedule("ingest-hf", "recurring", "2025-06-02T12:30:00Z");

		Result result = statusVerb();

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("""
				hf (on)
				  Last run:      2025-06-02 12:00:00 UTC, schedule, failed in 2.5 s
				  Papers:        3 added, 1 updated, 0 unchanged, 0 skipped
				  Last success:  -
				  Next run:      2025-06-02 12:30:00 UTC
				  Messages:
				    2025-06-01: %s
				    failed: 1 of 3 days failed
				""".formatted(HOSTILE));
		assertThat(result.out()).contains("""
				snapshot (import)
				  Last run:      2025-06-02 11:00:00 UTC, command, succeeded in 60.0 s
				  Options:       arxiv-metadata.jsonl
				  Papers:        2 added, 0 updated, 1 unchanged, 1 skipped
				  Last success:  2025-06-02 11:01:00 UTC
				  Next run:      -
				  Messages:
				    line 7: $.id: expected a string
				""");
	}

	@Test
	void theStatusVerbSaysWhenASourceNeverRanAndExitsWithZeroWhenNothingFailed() {
		schedule("ingest-hf", "recurring", "2025-06-02T12:30:00Z");
		// a pending backfill comes before the recurring run
		schedule(IngestStatus.BACKFILL_TASK, "hf", "2025-06-02T12:00:30Z");

		Result result = statusVerb();

		assertThat(result.code()).isZero();
		assertThat(result.out()).contains("""
				hf (on)
				  Last run:      never
				  Last success:  -
				  Next run:      2025-06-02 12:00:30 UTC

				""");
	}

	@Test
	void theAdminPageShowsEverySourceWithItsMessagesEscaped() throws Exception {
		recordSnapshotImport();
		recordFailedSync();
		schedule("ingest-hf", "recurring", "2025-06-02T12:30:00Z");

		String html = this.mvc.perform(get("/admin/ingest").header("Authorization", "Bearer test-operator-token"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("<title>Ingestion · Paperboy</title>");
		assertThat(html).contains("<tr id=\"source-hf\">", "<tr id=\"source-snapshot\">");
		assertThat(html).contains("2025-06-02 12:30:00 UTC", "failed", "2.5 s", "60.0 s");
		assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; more");
		assertThat(html).doesNotContain("<script>alert");
		assertThat(html).contains("line 7: $.id: expected a string");
	}

	@Test
	void theAdminPageAnswersARemoteRequestCarryingTheToken() throws Exception {
		this.mvc.perform(from("203.0.113.7", get("/admin/ingest").header("Authorization", "Bearer test-operator-token")))
			.andExpect(status().isOk());
	}

	@Test
	void theAdminPageDoesNotExistForARemoteRequestWithoutTheRightToken() throws Exception {
		this.mvc.perform(from("203.0.113.7", get("/admin/ingest"))).andExpect(status().isNotFound());
		this.mvc.perform(from("203.0.113.7", get("/admin/ingest").header("Authorization", "Bearer s3cret-tokeN")))
			.andExpect(status().isNotFound());
		this.mvc.perform(from("203.0.113.7", get("/admin/ingest").header("Authorization", "test-operator-token")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theAdminPageIsClosedToTheMachineItselfWithoutSigningIn() throws Exception {
		this.mvc.perform(from("127.0.0.1", get("/admin/ingest"))).andExpect(status().isNotFound());
		this.mvc.perform(from("0:0:0:0:0:0:0:1", get("/admin/ingest"))).andExpect(status().isNotFound());
	}

	@Test
	void theAdminPageDoesNotTrustARequestRelayedByAProxyOnTheMachine() throws Exception {
		this.mvc.perform(get("/admin/ingest").header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/ingest").header("Forwarded", "for=203.0.113.7"))
			.andExpect(status().isNotFound());
	}

	private void recordSnapshotImport() {
		this.clock.set(Instant.parse("2025-06-02T11:00:00Z"));
		this.runs.run("snapshot", "command", "arxiv-metadata.jsonl", (line) -> {
		}, (tally) -> {
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.UNCHANGED);
			tally.skip("line 7: $.id: expected a string");
			this.clock.advance(Duration.ofMinutes(1));
		});
	}

	private void recordFailedSync() {
		this.clock.set(Instant.parse("2025-06-02T12:00:00Z"));
		this.runs.run("hf", "schedule", "", (line) -> {
		}, (tally) -> {
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.UPDATED);
			tally.message("2025-06-01: " + HOSTILE);
			this.clock.advance(Duration.ofMillis(2500));
			throw new IllegalStateException("1 of 3 days failed");
		});
	}

	/** A scheduled execution as db-scheduler writes it. */
	private void schedule(String task, String instance, String at) {
		this.jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
				values (:task, :instance, :at, false, 1)
				""")
			.param("task", task)
			.param("instance", instance)
			.param("at", Instant.parse(at).atOffset(ZoneOffset.UTC))
			.update();
	}

	private Result statusVerb() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.verbs.run(List.of("ingest", "status"), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
	}

	private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with((mock) -> {
			mock.setRemoteAddr(address);
			return mock;
		});
	}

	private record Result(int code, String out) {
	}

}
