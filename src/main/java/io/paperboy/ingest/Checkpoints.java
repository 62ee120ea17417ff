package io.paperboy.ingest;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import io.paperboy.Databases;
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

	private final boolean postgres;

	Checkpoints(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
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

	/**
	 * Lets the current transaction commit without waiting for the disk (PostgreSQL's
	 * {@code synchronous_commit = off} for this transaction only; nothing elsewhere). Only for a
	 * transaction that writes its checkpoint with the work it follows: a crash of the database
	 * (not of the importing process) may then lose the last few such commits, the checkpoint with
	 * them, and the next run does that work again. The database itself stays consistent.
	 */
	public void commitWithoutWaitingForTheDisk() {
		if (this.postgres) {
			this.jdbc.sql("set local synchronous_commit = off").update();
		}
	}

}
