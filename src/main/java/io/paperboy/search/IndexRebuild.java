package io.paperboy.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole index again from the database, in batches of papers in id order, reusing the
 * vectors of papers whose text has not changed. It runs at start when the index is missing or
 * outdated (in the background, on the {@link WriterThread}) and on {@code reindex}. When the
 * application stops, a rebuild gives up after its batch in progress, so stopping is not held up.
 */
final class IndexRebuild {

	// one log category for everything that keeps the index in step with the database
	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	private final OpenedIndex index;

	private final Catalog catalog;

	private final SearchRepository repository;

	private final ChangeBatches batches;

	private volatile boolean rebuilding;

	/** Set when the application stops: a rebuild in progress gives up after its current batch. */
	private volatile boolean stopping;

	IndexRebuild(OpenedIndex index, Catalog catalog, SearchRepository repository, ChangeBatches batches) {
		this.index = index;
		this.catalog = catalog;
		this.repository = repository;
		this.batches = batches;
	}

	/** Whether a rebuild started by {@link #inBackground(WriterThread)} is under way. */
	boolean isRebuilding() {
		return this.rebuilding;
	}

	/** Rebuilds on this thread; {@link #isRebuilding()} is true from now until it ends. */
	void inBackground(WriterThread thread) {
		this.rebuilding = true;
		thread.execute(() -> {
			try {
				rebuild((done) -> {
				});
			}
			finally {
				this.rebuilding = false;
			}
		});
	}

	/** Lets rebuilds run to their end, as when the application starts. */
	void allow() {
		this.stopping = false;
	}

	/** Makes a rebuild under way, or started from now on, give up after its current batch. */
	void stop() {
		this.stopping = true;
	}

	/**
	 * Rebuilds the whole index from the database, reusing the vectors of papers whose text has not
	 * changed, and commits it.
	 * @param progress told the number of papers indexed after each batch
	 * @return the number of papers indexed
	 * @throws IllegalStateException when the application stops before the rebuild ends
	 */
	int rebuild(IntConsumer progress) {
		Instant caughtUpTo = this.repository.lastUpdate().orElse(Instant.EPOCH);
		int[] done = { 0 };
		SearchIndex opened = this.index.get();
		opened.rebuild((sink) -> {
			String after = null;
			while (true) {
				if (this.stopping) {
					// what is saved so far is marked as caught up to nothing, so the next start's
					// catch-up indexes every paper again: a half-done rebuild loses none
					opened.commit(Map.of(CatchUp.CAUGHT_UP_TO, Instant.EPOCH.toString()));
					throw new IllegalStateException("Search index rebuild stopped after " + done[0]
							+ " papers: the application is stopping; the next start catches up");
				}
				List<String> ids = this.repository.idsAfter(after, ChangeBatches.BATCH);
				if (ids.isEmpty()) {
					break;
				}
				sink.accept(this.catalog.findPapers(ids).values().stream().map(IndexedPaper::of).toList());
				done[0] += ids.size();
				progress.accept(done[0]);
				after = ids.get(ids.size() - 1);
			}
		});
		opened.commit(Map.of(CatchUp.CAUGHT_UP_TO, caughtUpTo.toString()));
		opened.refresh();
		this.batches.committed();
		logger.info("Search index rebuilt: {} papers", done[0]);
		return done[0];
	}

}
