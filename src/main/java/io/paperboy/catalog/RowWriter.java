package io.paperboy.catalog;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.paperboy.Databases;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table in the current transaction: on PostgreSQL with a binary
 * {@code COPY}, which costs the server a fraction of what as many {@code INSERT}s do (a bulk import
 * writes a paper row and five or more author, category and version rows a paper); elsewhere with a
 * JDBC batch of the same {@code INSERT}. Either way the rows are in the caller's transaction, pass
 * the same constraints (keys, foreign keys, lengths) and are rolled back with it.
 * <p>
 * The binary format sends every value with its length in front, so text needs no escaping at all
 * (tabs, backslashes, quotes and line breaks go as they are) and the server parses no dates or
 * numbers. Rows are encoded and sent in chunks while the server already stores the first ones.
 */
@Component
class RowWriter {

	/** What the rows are sent in: big enough for few messages, small enough to start the server early. */
	private static final int CHUNK = 64 * 1024;

	/** The binary format's signature, then no flags and no header extension. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** PostgreSQL counts dates and times from 2000-01-01 UTC. */
	private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	private final JdbcTemplate batch;

	private final DataSource dataSource;

	private final boolean postgres;

	/** Whether this database user may skip per-row trigger checks; asked on first need. */
	private volatile Boolean mayTrustOwnRows;

	RowWriter(JdbcTemplate batch, DataSource dataSource) {
		this.batch = batch;
		this.dataSource = dataSource;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/**
	 * Inserts rows; each row holds the columns' values in order, each of the Java type that matches
	 * its column: {@code String} for text, {@code Integer} for {@code integer}, {@code Long} for
	 * {@code bigint}, {@code Boolean}, {@code OffsetDateTime}, {@code Instant} or {@code Timestamp}
	 * for {@code timestamp with time zone}, {@code LocalDate} or {@code java.sql.Date} for
	 * {@code date}; or null.
	 */
	void insert(String table, List<String> columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (this.postgres) {
			copy(table, columns, rows);
		}
		else {
			this.batch.batchUpdate("insert into " + table + " (" + String.join(", ", columns) + ") values ("
					+ String.join(", ", columns.stream().map((column) -> "?").toList()) + ")", rows);
		}
	}

	/**
	 * Runs {@code inserts}, inserts of rows whose every foreign key points at a row that this same
	 * transaction inserted before them, on PostgreSQL without the foreign-key check PostgreSQL makes
	 * for each row it is given, when the database user may skip it. That check is a query, with its
	 * executor and a lock, per row: when a bulk import writes a paper with five authors and two
	 * categories, it is most of what the server does. It finds nothing to refuse in these rows: the
	 * rows they point at are this transaction's own, so no other transaction sees them, let alone
	 * deletes them, before this one commits; and the foreign keys stay declared and enforced for
	 * every other write, cascades included.
	 * <p>
	 * The skipping is PostgreSQL's {@code session_replication_role = replica} (what
	 * {@code pg_restore --disable-triggers} uses) set for the inserts only, then back to
	 * {@code origin}: it also skips ordinary triggers, and keys, unique indexes and checks stay. It
	 * takes a superuser or, since PostgreSQL 15, a user granted
	 * {@code SET ON PARAMETER session_replication_role}; any other user's rows are checked as always.
	 * Must run in a transaction; on H2 the inserts just run.
	 */
	void trustingOwnRows(Runnable inserts) {
		if (!this.postgres || !mayTrustOwnRows()) {
			inserts.run();
			return;
		}
		// a transaction's setting: a failure below rolls it back with the rest
		this.batch.execute("set local session_replication_role = replica");
		inserts.run();
		this.batch.execute("set local session_replication_role = origin");
	}

	private boolean mayTrustOwnRows() {
		Boolean may = this.mayTrustOwnRows;
		if (may == null) {
			int version = this.batch.queryForObject("select current_setting('server_version_num')::int", Integer.class);
			may = (version >= 150000)
					? this.batch.queryForObject("select has_parameter_privilege('session_replication_role', 'SET')",
							Boolean.class)
					: this.batch.queryForObject("select rolsuper from pg_roles where rolname = current_user",
							Boolean.class);
			this.mayTrustOwnRows = may;
		}
		return may;
	}

	private void copy(String table, List<String> columns, List<Object[]> rows) {
		String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)";
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			try {
				BinaryRows out = new BinaryRows(copy);
				out.bytes(HEADER);
				for (Object[] row : rows) {
					out.row(row, columns.size());
				}
				out.int16(-1);
				out.flush();
				copy.endCopy();
			}
			catch (SQLException | RuntimeException ex) {
				// a value that cannot be encoded, or a failure of the server: the connection leaves
				// COPY mode, and the transaction, failed on the server, rolls back with the caller's
				cancel(copy, ex);
				throw ex;
			}
		}
		catch (SQLException ex) {
			SQLExceptionTranslator translator = this.batch.getExceptionTranslator();
			DataAccessException translated = translator.translate("COPY into " + table, sql, ex);
			// a state the translator does not know (a trigger's own exception, say) is still a failure
			throw (translated != null) ? translated : new UncategorizedSQLException("COPY into " + table, sql, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private static void cancel(CopyIn copy, Exception failure) {
		if (copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ex) {
				failure.addSuppressed(ex);
			}
		}
	}

	/**
	 * Rows in PostgreSQL's binary {@code COPY} format, sent a chunk at a time: per row the number of
	 * fields, then per field its length in bytes (-1 for null) and its bytes in the type's binary
	 * form, all integers big-endian.
	 */
	static final class BinaryRows {

		private final Chunks sink;

		private final byte[] buffer = new byte[CHUNK];

		private int length;

		BinaryRows(CopyIn copy) {
			this(copy::writeToCopy);
		}

		BinaryRows(Chunks sink) {
			this.sink = sink;
		}

		/** Where the chunks go: the server's {@code COPY}, or a test's buffer. */
		@FunctionalInterface
		interface Chunks {

			void write(byte[] bytes, int offset, int length) throws SQLException;

		}

		void row(Object[] row, int columns) throws SQLException {
			if (row.length != columns) {
				throw new IllegalArgumentException("a row of " + row.length + " values for " + columns + " columns");
			}
			int16(row.length);
			for (Object value : row) {
				value(value);
			}
		}

		private void value(Object value) throws SQLException {
			if (value == null) {
				int32(-1);
			}
			else if (value instanceof String text) {
				byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
				int32(utf8.length);
				bytes(utf8);
			}
			else if (value instanceof Integer number) {
				int32(4);
				int32(number);
			}
			else if (value instanceof Long number) {
				int32(8);
				int64(number);
			}
			else if (value instanceof Boolean bool) {
				int32(1);
				room(1);
				this.buffer[this.length++] = (byte) (bool ? 1 : 0);
			}
			else if (value instanceof OffsetDateTime time) {
				timestamp(time.toInstant());
			}
			else if (value instanceof Instant time) {
				timestamp(time);
			}
			else if (value instanceof Timestamp time) {
				timestamp(time.toInstant());
			}
			else if (value instanceof LocalDate day) {
				date(day);
			}
			else if (value instanceof java.sql.Date day) {
				date(day.toLocalDate());
			}
			else {
				throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " with COPY");
			}
		}

		/** Microseconds since 2000-01-01 UTC, rounded to the nearest as PostgreSQL rounds text input. */
		private void timestamp(Instant time) throws SQLException {
			long micros = Math.multiplyExact(time.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L)
					+ (time.getNano() + 500) / 1000;
			int32(8);
			int64(micros);
		}

		private void date(LocalDate day) throws SQLException {
			int32(4);
			int32(Math.toIntExact(day.toEpochDay() - POSTGRES_EPOCH_DAY));
		}

		void int16(int value) throws SQLException {
			room(2);
			this.buffer[this.length++] = (byte) (value >>> 8);
			this.buffer[this.length++] = (byte) value;
		}

		private void int32(int value) throws SQLException {
			room(4);
			this.buffer[this.length++] = (byte) (value >>> 24);
			this.buffer[this.length++] = (byte) (value >>> 16);
			this.buffer[this.length++] = (byte) (value >>> 8);
			this.buffer[this.length++] = (byte) value;
		}

		private void int64(long value) throws SQLException {
			int32((int) (value >>> 32));
			int32((int) value);
		}

		void bytes(byte[] bytes) throws SQLException {
			if (bytes.length > CHUNK) {
				flush();
				this.sink.write(bytes, 0, bytes.length);
				return;
			}
			room(bytes.length);
			System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
			this.length += bytes.length;
		}

		/** Sends what is buffered when {@code bytes} more would not fit. */
		private void room(int bytes) throws SQLException {
			if (this.length + bytes > this.buffer.length) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (this.length > 0) {
				this.sink.write(this.buffer, 0, this.length);
				this.length = 0;
			}
		}

		/** What is buffered and not sent yet, for tests. */
		byte[] buffered() {
			return Arrays.copyOf(this.buffer, this.length);
		}

	}

}
