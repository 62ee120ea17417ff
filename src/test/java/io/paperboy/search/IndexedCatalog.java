package io.paperboy.search;

import java.time.Duration;

/** Waits, in tests, until the index has caught up with the catalog: every change written and embedded. */
final class IndexedCatalog {

	private IndexedCatalog() {
	}

	static void awaitIndexed(IndexSync sync) {
		sync.flush();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (sync.index().countEmbedded() < sync.index().count() || sync.isRebuilding()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The embedding queue did not catch up within 60 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		sync.flush();
	}

}
