package io.paperboy.support;

import java.util.List;

import io.paperboy.catalog.CatalogChangedEvent;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the catalog's tables. Test classes with the same configuration share one application
 * context, and so one database; a test that counts what it stored starts from empty tables. Caches
 * derived from the catalog are told, as they would be of any change: rows deleted behind the
 * catalog's back would otherwise stay visible until the cache expires.
 */
public final class CatalogTables {

	/** Children before parents, so that no foreign key is broken on the way. */
	private static final List<String> TABLES = List.of("daily_entries", "paper_categories", "paper_authors", "papers",
			"users");

	private CatalogTables() {
	}

	public static void empty(JdbcClient jdbc, ApplicationEventPublisher events) {
		List<String> removed = jdbc.sql("select id from papers").query(String.class).list();
		for (String table : TABLES) {
			jdbc.sql("delete from " + table).update();
		}
		removed.forEach((id) -> events.publishEvent(new CatalogChangedEvent(id)));
	}

	/** Rows in a catalog table, for tests that check what an operation stored. */
	public static long count(JdbcClient jdbc, String table) {
		if (!TABLES.contains(table)) {
			throw new IllegalArgumentException("Not a catalog table: " + table);
		}
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
