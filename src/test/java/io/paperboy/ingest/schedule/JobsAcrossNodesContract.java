package io.paperboy.ingest.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.paperboy.PaperboyApplication;
import io.paperboy.support.ScriptedHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database, both with the scheduler on: each time of a recurring job
 * is run by one node only, and the first-start backfill runs once although both nodes start
 * fresh. Run on H2 (a file both nodes open) and on PostgreSQL.
 */
abstract class JobsAcrossNodesContract {

	@TempDir
	Path data;

	/** The database both nodes use, as {@code --spring.datasource.*} arguments. */
	abstract List<String> database();

	@Test
	void eachTimeOfARecurringJobRunsOnceAcrossTwoNodesAndTheBackfillRunsOnce() throws Exception {
		try (ScriptedHttpServer huggingFace = ScriptedHttpServer.start()) {
			huggingFace.always().thenRespond(200, Map.of("Content-Type", "application/json"), "[]");
			List<String> database = database();
			try (ConfigurableApplicationContext nodeA = node("node-a", database, huggingFace);
					ConfigurableApplicationContext nodeB = node("node-b", database, huggingFace)) {
				assertThat(nodeA.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();
				assertThat(nodeB.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();
				JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
				Instant both = Instant.now();
				// the job is due every second: wait for three runs, then look that none ran twice at once
				List<Run> runs = await("three scheduled runs across the two nodes").atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> runs(jdbc), (found) -> scheduledAfter(found, both).size() >= 3);
				Instant seen = Instant.now();
				assertThat(runs).filteredOn((run) -> run.trigger().equals("backfill")).hasSize(1);
				List<Instant> scheduled = scheduledAfter(runs, both);
				// once per second at most: a time run by both nodes would double the count, and its
				// two runs would start within one polling interval (100 ms) of each other
				assertThat(scheduled).hasSizeLessThanOrEqualTo((int) Duration.between(both, seen).toSeconds() + 2);
				for (int i = 1; i < scheduled.size(); i++) {
					assertThat(Duration.between(scheduled.get(i - 1), scheduled.get(i)))
						.isGreaterThan(Duration.ofMillis(250));
				}
				assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'ingest-hf'")
					.query(Integer.class)
					.single()).isEqualTo(1);
			}
		}
	}

	private static List<Run> runs(JdbcClient jdbc) {
		return jdbc.sql("select run_trigger, started_at from ingest_runs where source = 'hf' order by started_at")
			.query((rs, row) -> new Run(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list();
	}

	private static List<Instant> scheduledAfter(List<Run> runs, Instant start) {
		return runs.stream()
			.filter((run) -> run.trigger().equals("schedule") && run.startedAt().isAfter(start))
			.map(Run::startedAt)
			.toList();
	}

	private ConfigurableApplicationContext node(String name, List<String> database, ScriptedHttpServer huggingFace) {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--spring.main.banner-mode=off", "--paperboy.data-dir=" + this.data,
					"--db-scheduler.enabled=true",
					"--db-scheduler.scheduler-name=" + name, "--db-scheduler.polling-interval=100ms",
					"--db-scheduler.shutdown-max-wait=2s", "--paperboy.schedules.backfill-delay=0s",
					"--paperboy.sources.backfill-days=1", "--paperboy.sources.hf.days=1",
					"--paperboy.sources.hf.sync-cron=* * * * * *", "--paperboy.sources.hf.request-interval=0s",
					"--paperboy.sources.hf.api-url=http://127.0.0.1:" + huggingFace.port(),
					"--paperboy.sources.arxiv.enabled=false", "--paperboy.sources.oai.enabled=false"));
		return new SpringApplicationBuilder(PaperboyApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	private record Run(String trigger, Instant startedAt) {
	}

}
