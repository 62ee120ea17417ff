package io.paperboy.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The record of every run of every source, in SQL. */
@Repository
class IngestRunRepository {

	private final JdbcClient jdbc;

	IngestRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long start(String source, String trigger, String arguments, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into ingest_runs (source, run_trigger, arguments, started_at, outcome)
				values (:source, :trigger, :arguments, :now, 'running')
				""")
			.param("source", source)
			.param("trigger", trigger)
			.param("arguments", arguments.isEmpty() ? null : arguments)
			.param("now", timestamp(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Ends the runs of a source still marked running as interrupted. */
	void markInterrupted(String source, Instant now) {
		this.jdbc.sql("""
				update ingest_runs set outcome = 'interrupted', finished_at = :now,
				    messages = 'interrupted: the process stopped before the run ended'
				where source = :source and outcome = 'running'
				""").param("now", timestamp(now)).param("source", source).update();
	}

	void finish(long id, IngestRun.Outcome outcome, IngestTally tally, Instant now) {
		this.jdbc.sql("""
				update ingest_runs set finished_at = :now, outcome = :outcome, papers_added = :added,
				    papers_updated = :updated, papers_unchanged = :unchanged, records_skipped = :skipped,
				    messages = :messages
				where id = :id
				""")
			.param("now", timestamp(now))
			.param("outcome", outcome.column())
			.param("added", tally.added())
			.param("updated", tally.updated())
			.param("unchanged", tally.unchanged())
			.param("skipped", tally.skipped())
			.param("messages", tally.messages().isEmpty() ? null : String.join("\n", tally.messages()))
			.param("id", id)
			.update();
	}

	Optional<IngestRun> find(long id) {
		return this.jdbc.sql("select * from ingest_runs where id = :id").param("id", id).query(this::map).optional();
	}

	/** The latest runs of a source, newest first. */
	List<IngestRun> latest(String source, int limit) {
		return this.jdbc.sql("select * from ingest_runs where source = :source order by started_at desc, id desc limit :limit")
			.param("source", source)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private IngestRun map(ResultSet rs, int row) throws SQLException {
		String messages = rs.getString("messages");
		return new IngestRun(rs.getLong("id"), rs.getString("source"), rs.getString("run_trigger"),
				(rs.getString("arguments") != null) ? rs.getString("arguments") : "", instant(rs, "started_at"),
				instant(rs, "finished_at"), IngestRun.Outcome.ofColumn(rs.getString("outcome")),
				rs.getLong("papers_added"), rs.getLong("papers_updated"), rs.getLong("papers_unchanged"),
				rs.getLong("records_skipped"), (messages != null) ? Arrays.asList(messages.split("\n")) : List.of());
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
