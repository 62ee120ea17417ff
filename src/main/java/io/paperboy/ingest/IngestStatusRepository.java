package io.paperboy.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the status view reads beside the runs themselves: which sources have run, when each last
 * succeeded, and when each runs next (db-scheduler's {@code scheduled_tasks}, written by whichever
 * node schedules the jobs, so a command-line process sees it too).
 */
@Repository
class IngestStatusRepository {

	private final JdbcClient jdbc;

	IngestStatusRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every source that has a recorded run, including work that is not a source ({@code snapshot}). */
	List<String> recordedSources() {
		return this.jdbc.sql("select distinct source from ingest_runs order by source").query(String.class).list();
	}

	Optional<Instant> lastSuccess(String source) {
		return this.jdbc.sql("""
				select max(finished_at) from ingest_runs where source = :source and outcome = 'succeeded'
				""")
			.param("source", source)
			.query((rs, row) -> instant(rs, 1))
			.optional();
	}

	/**
	 * The next time each source runs, by source: the earliest of its recurring job and a pending
	 * backfill.
	 */
	Map<String, Instant> nextRuns() {
		List<ScheduledRun> scheduled = this.jdbc.sql("""
				select task_name, task_instance, execution_time from scheduled_tasks
				where task_name like :prefix
				""")
			.param("prefix", IngestStatus.RECURRING_TASK_PREFIX + "%")
			.query((rs, row) -> {
				String task = rs.getString("task_name");
				String source = task.equals(IngestStatus.BACKFILL_TASK) ? rs.getString("task_instance")
						: task.substring(IngestStatus.RECURRING_TASK_PREFIX.length());
				return new ScheduledRun(source, instant(rs, 3));
			})
			.list();
		Map<String, Instant> next = new HashMap<>();
		scheduled.forEach((run) -> next.merge(run.source(), run.at(), (a, b) -> a.isBefore(b) ? a : b));
		return next;
	}

	private record ScheduledRun(String source, Instant at) {
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
