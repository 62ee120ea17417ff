package io.paperboy.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the catalog's tables. Test classes with the same configuration share one application
 * context, and so one database; a test that counts what it stored starts from empty tables.
 * <p>
 * Caches derived from the catalog (the feed's) are not told: they refresh with the next change
 * the test makes through the catalog.
 */
public final class CatalogTables {

	/** Children before parents, so that no foreign key is broken on the way. */
	private static final List<String> TABLES = List.of("daily_entries", "paper_categories", "paper_authors", "papers",
			"users");

	private CatalogTables() {
	}

	public static void empty(JdbcClient jdbc) {
		for (String table : TABLES) {
			jdbc.sql("delete from " + table).update();
		}
	}

	/** Rows in a catalog table, for tests that check what an operation stored. */
	public static long count(JdbcClient jdbc, String table) {
		if (!TABLES.contains(table)) {
			throw new IllegalArgumentException("Not a catalog table: " + table);
		}
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
