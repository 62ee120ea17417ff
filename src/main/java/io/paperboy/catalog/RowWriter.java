package io.paperboy.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table in the current transaction: on PostgreSQL with {@code COPY}, which
 * costs the server a fraction of what as many {@code INSERT}s do (a bulk import writes five or more
 * author, category and version rows a paper, and those inserts were most of PostgreSQL's work);
 * elsewhere with a JDBC batch. Either way the rows are in the caller's transaction and are rolled
 * back with it.
 */
@Component
class RowWriter {

	private final JdbcTemplate batch;

	private final DataSource dataSource;

	private volatile Boolean postgres;

	RowWriter(JdbcTemplate batch, DataSource dataSource) {
		this.batch = batch;
		this.dataSource = dataSource;
	}

	/**
	 * Inserts rows; each row holds the columns' values in order: text, numbers, booleans, dates and
	 * times ({@code java.time} or JDBC types, written in ISO form), or null.
	 */
	void insert(String table, List<String> columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (isPostgres()) {
			copy(table, columns, rows);
		}
		else {
			this.batch.batchUpdate("insert into " + table + " (" + String.join(", ", columns) + ") values ("
					+ String.join(", ", columns.stream().map((column) -> "?").toList()) + ")", rows);
		}
	}

	private void copy(String table, List<String> columns, List<Object[]> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 64);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				appendCsv(csv, row[i]);
			}
			csv.append('\n');
		}
		String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
		}
		catch (SQLException ex) {
			SQLExceptionTranslator translator = this.batch.getExceptionTranslator();
			throw translator.translate("COPY into " + table, sql, ex);
		}
		catch (IOException ex) {
			throw new DataAccessResourceFailureException("COPY into " + table + " failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * A value in PostgreSQL's CSV form: null is an unquoted empty field; anything else is quoted, so
	 * that an empty text stays empty rather than null, and commas, quotes and line breaks in it are
	 * kept as they are.
	 */
	static void appendCsv(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString();
		csv.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		csv.append('"');
	}

	private boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			known = this.batch.execute((Connection connection) -> connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase()
				.contains("postgres"));
			this.postgres = known;
		}
		return known;
	}

}
