package io.paperboy.support;

import java.util.List;

import io.paperboy.catalog.CatalogChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the catalog between tests that share an application context, and tells the caches so:
 * rows deleted behind the catalog's back would otherwise stay visible until the cache expires.
 */
public final class TestCatalog {

	private TestCatalog() {
	}

	public static void empty(JdbcClient jdbc, ApplicationEventPublisher events) {
		List<String> removed = jdbc.sql("select id from papers").query(String.class).list();
		jdbc.sql("delete from daily_entries").update();
		jdbc.sql("delete from paper_authors").update();
		jdbc.sql("delete from paper_categories").update();
		jdbc.sql("delete from papers").update();
		jdbc.sql("delete from users").update();
		removed.forEach((id) -> events.publishEvent(new CatalogChangedEvent(id)));
	}

}
