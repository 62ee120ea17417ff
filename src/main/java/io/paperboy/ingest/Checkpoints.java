package io.paperboy.ingest;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where interrupted runs resume: a named state (an OAI-PMH resumption token, a line number of a
 * snapshot file). Written in the caller's transaction, together with the page of records it
 * follows, so a crash leaves the checkpoint and the catalog agreeing.
 */
@Repository
public class Checkpoints {

	private final JdbcClient jdbc;

	private final Clock clock;

	Checkpoints(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<String> read(String name) {
		return this.jdbc.sql("select state from ingest_checkpoints where name = :name")
			.param("name", name)
			.query(String.class)
			.optional();
	}

	public void write(String name, String state) {
		int updated = this.jdbc.sql("update ingest_checkpoints set state = :state, updated_at = :now where name = :name")
			.param("state", state)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("name", name)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into ingest_checkpoints (name, state, updated_at) values (:name, :state, :now)")
				.param("name", name)
				.param("state", state)
				.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	/** Forgets a checkpoint: the next run starts afresh. */
	public void clear(String name) {
		this.jdbc.sql("delete from ingest_checkpoints where name = :name").param("name", name).update();
	}

}
