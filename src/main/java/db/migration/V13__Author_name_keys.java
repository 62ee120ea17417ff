package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.Author;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives every author row the key that author pages look names up by ({@link Author#nameKey}: case,
 * accents and runs of spaces set aside), and indexes it, so that {@code /authors/{name}} finds an
 * author's papers through the index whatever the size of the catalog.
 * <p>
 * In Java rather than SQL because neither H2 nor PostgreSQL (without the {@code unaccent}
 * extension) can take accents off in SQL. Most names are plain ASCII: one {@code update} gives every
 * row its lower-cased name, then the rows are read in pages of the primary key and only the few
 * whose key differs (accents, odd spaces) are written again. All in Flyway's one transaction: a
 * failure leaves the table as it was.
 */
public class V13__Author_name_keys extends BaseJavaMigration {

	private static final int PAGE = 5_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table paper_authors add column name_key varchar(500)");
			statement.execute("update paper_authors set name_key = lower(name)");
		}
		try (PreparedStatement page = connection.prepareStatement("""
				select paper_id, position, name, name_key from paper_authors
				where paper_id > ? or (paper_id = ? and position > ?)
				order by paper_id, position
				fetch first %d rows only
				""".formatted(PAGE));
				PreparedStatement fix = connection
					.prepareStatement("update paper_authors set name_key = ? where paper_id = ? and position = ?")) {
			String lastPaper = "";
			int lastPosition = -1;
			boolean more = true;
			while (more) {
				page.setString(1, lastPaper);
				page.setString(2, lastPaper);
				page.setInt(3, lastPosition);
				List<Object[]> fixes = new ArrayList<>();
				int read = 0;
				try (ResultSet rows = page.executeQuery()) {
					while (rows.next()) {
						read++;
						lastPaper = rows.getString(1);
						lastPosition = rows.getInt(2);
						String key = Author.nameKey(rows.getString(3));
						if (!key.equals(rows.getString(4))) {
							fixes.add(new Object[] { key, lastPaper, lastPosition });
						}
					}
				}
				for (Object[] row : fixes) {
					fix.setString(1, (String) row[0]);
					fix.setString(2, (String) row[1]);
					fix.setInt(3, (Integer) row[2]);
					fix.addBatch();
				}
				if (!fixes.isEmpty()) {
					fix.executeBatch();
				}
				more = read == PAGE;
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table paper_authors alter column name_key set not null");
			// the papers of an author: the key, then the paper, so the lookup never reads the table
			statement.execute("create index paper_authors_name_key on paper_authors (name_key, paper_id)");
		}
	}

}
