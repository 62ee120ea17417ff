package io.paperboy.search;

import java.time.Duration;

import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Waits, in tests of other features, until the search index holds every paper of the database, so
 * that a page with similar papers or search results renders the same from one request to the next.
 */
public final class SearchIndexCaughtUp {

	private SearchIndexCaughtUp() {
	}

	public static void await(ApplicationContext context) {
		IndexSync sync = context.getBean(IndexSync.class);
		await("the search index to hold every paper").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				sync.flush();
				SearchStatus status = sync.status();
				return !status.rebuilding() && status.papersIndexed() == status.papersInDatabase();
			});
	}

}
