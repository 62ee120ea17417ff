package io.paperboy.digest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.TestPapers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Papers on the daily lists and subscriptions, for digest tests. */
final class DigestTestData {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	DigestTestData(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** No papers, members or subscriptions. */
	void empty(ApplicationEventPublisher events) {
		for (String table : List.of("digest_sent_papers", "digest_deliveries", "digest_subscriptions", "votes", "dev_mail")) {
			this.jdbc.sql("delete from " + table).update();
		}
		CatalogTables.empty(this.jdbc, events);
	}

	/** A paper that entered the daily list at {@code at}, with imported upvotes (which rank it on trending). */
	Paper list(String id, String title, int upvotes, String at, String... categories) {
		return list(TestPapers.paper(id).withTitle(title).withUpvotes(upvotes).withCategories(categories), at);
	}

	Paper list(TestPapers paper, String at) {
		Paper built = paper.build();
		this.catalog.savePaper(built, null);
		Instant entered = Instant.parse(at);
		this.catalog.placeOnDailyList(new DailyEntry(built.id(), entered.atZone(ZoneOffset.UTC).toLocalDate(), entered,
				null, null, List.of(), null, null));
		return built;
	}

	/** The paper ids of a digest, in order. */
	static List<String> ids(Digest digest) {
		return new ArrayList<>(digest.paperIds());
	}

}
