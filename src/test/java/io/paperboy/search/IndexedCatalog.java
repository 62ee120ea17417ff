package io.paperboy.search;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits, in tests, until the index has caught up with the catalog: every change written and embedded. */
final class IndexedCatalog {

	private IndexedCatalog() {
	}

	static void awaitIndexed(IndexSync sync) {
		sync.flush();
		await("the embedding queue to catch up").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> sync.index().countEmbedded() >= sync.index().count() && !sync.isRebuilding());
		sync.flush();
	}

}
