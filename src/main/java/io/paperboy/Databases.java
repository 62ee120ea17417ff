package io.paperboy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Which of the two databases Paperboy runs on, for the few statements that differ between H2 and
 * PostgreSQL (an upsert's syntax, {@code COPY}, claiming with {@code SKIP LOCKED}, a commit that
 * need not wait for the disk). Asked once by each user, when it is made.
 */
public final class Databases {

	private Databases() {
	}

	/** Whether {@code dataSource} is PostgreSQL; otherwise it is H2. */
	public static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell which database this is", ex);
		}
	}

}
