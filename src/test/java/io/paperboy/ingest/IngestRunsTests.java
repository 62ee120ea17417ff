package io.paperboy.ingest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.Stopping;
import io.paperboy.catalog.SaveOutcome;
import io.paperboy.support.StorageTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


@StorageTest
class IngestRunsTests {

	@Autowired
	private IngestRuns runs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private IngestRunRepository repository;

	@BeforeEach
	void forgetRuns() {
		this.jdbc.sql("delete from ingest_runs").update();
	}

	@Test
	void aRunIsRecordedWithWhatItDid() {
		List<String> progress = new ArrayList<>();

		IngestRun run = this.runs.run("test-source", "command", "--days 2", progress::add, (tally) -> {
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.CREATED);
			tally.count(SaveOutcome.UPDATED);
			tally.count(SaveOutcome.UNCHANGED);
			tally.skip("line 3: not JSON");
			tally.progress("page 1 saved");
		});

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(run).extracting(IngestRun::added, IngestRun::updated, IngestRun::unchanged, IngestRun::skipped)
			.containsExactly(2L, 1L, 1L, 1L);
		assertThat(run.messages()).containsExactly("line 3: not JSON");
		assertThat(run.arguments()).isEqualTo("--days 2");
		assertThat(run.finishedAt()).isNotNull();
		assertThat(progress).containsExactly("page 1 saved");
		assertThat(this.runs.latestRuns("test-source", 5)).containsExactly(run);
		assertThat(this.meters.get("paperboy.ingest.papers").tag("source", "test-source").tag("outcome", "added")
			.counter().count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aFailedRunIsRecordedWithItsCauseAndNotThrown() {
		IngestRun run = this.runs.run("test-source", "schedule", "", (line) -> {
		}, (tally) -> {
			tally.count(SaveOutcome.CREATED);
			throw new IllegalStateException("page 2 unreadable", new IOException("connection reset"));
		});

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(run.added()).isEqualTo(1);
		assertThat(run.messages()).containsExactly("failed: page 2 unreadable: connection reset");
	}

	@Test
	void aRunThatGivesUpBecauseTheApplicationIsStoppingIsRecordedAsInterrupted() {
		Stopping stopping = new Stopping();
		IngestRuns runs = new IngestRuns(List.of(), this.repository, this.meters, java.time.Clock.systemUTC(), stopping);

		IngestRun run = runs.run("test-source", "schedule", "", (line) -> {
		}, (tally) -> {
			tally.count(SaveOutcome.CREATED);
			// as a source's wait between retries ends when the application stops
			java.util.concurrent.CompletableFuture.runAsync(stopping::stop);
			org.awaitility.Awaitility.await().until(stopping::requested);
			throw new IllegalStateException("gave up waiting to fetch: the application is stopping");
		});

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.INTERRUPTED);
		assertThat(run.finishedAt()).isNotNull();
		assertThat(run.added()).isEqualTo(1);
		assertThat(run.messages()).containsExactly(
				"interrupted: the application stopped (gave up waiting to fetch: the application is stopping)");
	}

	@Test
	void aRunThatReportedItsFailuresAndWentOnIsInterruptedWhenTheApplicationStoppedMeanwhile() {
		Stopping stopping = new Stopping();
		IngestRuns runs = new IngestRuns(List.of(), this.repository, this.meters, java.time.Clock.systemUTC(), stopping);

		IngestRun run = runs.run("test-source", "schedule", "", (line) -> {
		}, (tally) -> {
			java.util.concurrent.CompletableFuture.runAsync(stopping::stop);
			org.awaitility.Awaitility.await().until(stopping::requested);
			tally.message("2025-06-01: gave up waiting to fetch: the application is stopping");
		});

		assertThat(run.outcome()).isEqualTo(IngestRun.Outcome.INTERRUPTED);
		assertThat(run.messages()).last().isEqualTo("interrupted: the application stopped");
	}

	@Test
	void invalidOptionsFailTheRunAndReachTheCaller() {
		assertThatThrownBy(() -> this.runs.run("test-source", "command", "--days x", (line) -> {
		}, (tally) -> {
			throw new SourceOptions.InvalidOptionsException("option --days needs a whole number, not 'x'");
		})).isInstanceOf(SourceOptions.InvalidOptionsException.class);

		IngestRun recorded = this.runs.latestRuns("test-source", 1).get(0);
		assertThat(recorded.outcome()).isEqualTo(IngestRun.Outcome.FAILED);
		assertThat(recorded.messages()).containsExactly("invalid options: option --days needs a whole number, not 'x'");
	}

	@Test
	void aRunLeftRunningByAStoppedProcessIsMarkedInterruptedByTheNextRun() {
		this.jdbc.sql("""
				insert into ingest_runs (source, run_trigger, started_at, outcome)
				values ('test-source', 'schedule', :at, 'running')
				""").param("at", Instant.parse("2025-06-01T00:00:00Z").atOffset(ZoneOffset.UTC)).update();

		this.runs.run("test-source", "command", "", (line) -> {
		}, (tally) -> {
		});

		assertThat(this.runs.latestRuns("test-source", 5)).extracting(IngestRun::outcome)
			.containsExactly(IngestRun.Outcome.SUCCEEDED, IngestRun.Outcome.INTERRUPTED);
	}

	@Test
	void runsOfOneSourceTakeTurns() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicBoolean secondRanAlongside = new AtomicBoolean();
		AtomicBoolean firstRunning = new AtomicBoolean();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<IngestRun> first = threads.submit(() -> this.runs.run("test-source", "backfill", "", (line) -> {
			}, (tally) -> {
				firstRunning.set(true);
				firstStarted.countDown();
				await(releaseFirst);
				firstRunning.set(false);
			}));
			await(firstStarted);
			Future<IngestRun> second = threads.submit(() -> this.runs.run("test-source", "schedule", "", (line) -> {
			}, (tally) -> secondRanAlongside.set(firstRunning.get())));
			Awaitility.await("the second run to wait for the first").during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !second.isDone());
			releaseFirst.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
			assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
			assertThat(secondRanAlongside).isFalse();
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
