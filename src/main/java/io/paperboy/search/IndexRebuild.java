package io.paperboy.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole index again from the database, in batches of papers read newest first
 * ({@link SearchRepository#newestAfter}). It runs at start when the index is missing or outdated (in
 * the background, on the {@link WriterThread}) and on {@code reindex}. When the application stops, a
 * rebuild gives up after its batch in progress, so stopping is not held up, and the next start builds
 * the index again ({@link #wasAbandoned}).
 * <p>
 * Two ways, as there is something to lose or not:
 * <ul>
 * <li>An <b>empty</b> index (missing or outdated at start, a new data dir): nothing visible can get
 * worse, so what is written is made visible every {@link #SHOW_EVERY} (a refresh, no commit: commits
 * are what costs, and a rebuild cut short is caught up from the beginning anyway), and a search finds
 * the newest papers within seconds of the start. In the background each batch is a task of its own on
 * the writer thread, so the embedding queue's vectors are stored between batches: the newest papers
 * are embedded while older ones are still being indexed.</li>
 * <li>An index that <b>answers</b> ({@code reindex} on a healthy index): it is replaced in one piece,
 * reusing the vectors of papers whose text has not changed, and searches see the old index until the
 * commit at the end; writes beside it would be lost or doubled, so the queue waits.</li>
 * </ul>
 */
final class IndexRebuild {

	// one log category for everything that keeps the index in step with the database
	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	/** How often a rebuild of an empty index makes its progress searchable. */
	static final Duration SHOW_EVERY = Duration.ofSeconds(2);

	private final OpenedIndex index;

	private final Catalog catalog;

	private final SearchRepository repository;

	private final ChangeBatches batches;

	private volatile boolean rebuilding;

	/** The rebuild under way, once it has started; null otherwise. */
	private volatile Pass pass;

	/** Set when the application stops: a rebuild in progress gives up after its current batch. */
	private volatile boolean stopping;

	IndexRebuild(OpenedIndex index, Catalog catalog, SearchRepository repository, ChangeBatches batches) {
		this.index = index;
		this.catalog = catalog;
		this.repository = repository;
		this.batches = batches;
	}

	/**
	 * Whether the index holds what a rebuild stopped before its end left ({@link Pass#abandon}): the
	 * server builds it again at start, newest first and visible as it goes, rather than catching every
	 * paper up in one pass that shows its work only at its end.
	 */
	static boolean wasAbandoned(SearchIndex index) {
		return Instant.EPOCH.toString().equals(index.committedData().get(CatchUp.CAUGHT_UP_TO));
	}

	/** Whether a rebuild started by {@link #inBackground} is under way, or one runs on this thread. */
	boolean isRebuilding() {
		return this.rebuilding;
	}

	/**
	 * Whether a rebuild replaces an index that answers meanwhile (or is about to start): vectors stored
	 * now would be lost or doubled, so the embedding queue waits until it ends.
	 */
	boolean isReplacing() {
		Pass running = this.pass;
		return this.rebuilding && (running == null || !running.newestFirst);
	}

	/** How far the rebuild under way has come; {@code null} when none is. */
	RebuildProgress progress() {
		Pass running = this.pass;
		if (!this.rebuilding) {
			return null;
		}
		return (running != null) ? new RebuildProgress(running.shown, running.papers, running.newestFirst)
				: new RebuildProgress(0, this.repository.countPapers(), true);
	}

	/**
	 * Rebuilds on this thread; {@link #isRebuilding()} is true from now until it ends. An empty index,
	 * or one that a rebuild stopped before its end, is filled newest first and visible as it goes.
	 * @param progress told the number of papers indexed after each batch, on the writer thread
	 */
	void inBackground(WriterThread thread, IntConsumer progress) {
		this.rebuilding = true;
		thread.execute(() -> {
			try {
				SearchIndex opened = this.index.get();
				if (opened.count() > 0 && !wasAbandoned(opened)) {
					// an index that answers: replaced in one piece, as reindex does
					rebuild(progress);
					return;
				}
				Pass started = new Pass(true, progress);
				this.pass = started;
				opened.clear();
				thread.execute(() -> nextBatch(thread, started));
			}
			catch (RuntimeException ex) {
				ended(ex);
			}
		});
	}

	/** One batch of a rebuild in the background; the next is queued behind whatever waits meanwhile. */
	private void nextBatch(WriterThread thread, Pass running) {
		try {
			SearchIndex opened = this.index.get();
			if (running.write(opened, (batch) -> opened.add(batch, Map.of()))) {
				thread.execute(() -> nextBatch(thread, running));
				return;
			}
			running.finish(opened);
			ended(null);
		}
		catch (RejectedExecutionException ex) {
			// the writer stopped between the check for stopping and the next batch
			running.abandon(this.index.get());
			ended(null);
		}
		catch (RuntimeException ex) {
			ended(ex);
		}
	}

	/**
	 * A background rebuild is over; a failure is logged. What it wrote so far stays: the index's mark
	 * says caught up to nothing, so catch-up, which runs again from now, writes every paper.
	 */
	private void ended(RuntimeException failure) {
		this.rebuilding = false;
		this.pass = null;
		if (failure instanceof IllegalStateException && this.stopping) {
			logger.info(failure.getMessage());
		}
		else if (failure != null) {
			logger.error("Could not rebuild the search index; catch-up indexes the papers instead", failure);
		}
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
	 * Rebuilds the whole index from the database on this thread and commits it: newest first and
	 * visible as it goes when the index is empty, else in one piece reusing the vectors of papers
	 * whose text has not changed.
	 * @param progress told the number of papers indexed after each batch
	 * @return the number of papers indexed
	 * @throws IllegalStateException when the application stops before the rebuild ends
	 */
	int rebuild(IntConsumer progress) {
		SearchIndex opened = this.index.get();
		Pass running = new Pass(opened.count() == 0, progress);
		this.pass = running;
		this.rebuilding = true;
		try {
			if (running.newestFirst) {
				opened.clear();
				while (running.write(opened, (batch) -> opened.add(batch, Map.of()))) {
					// the next batch
				}
			}
			else {
				opened.rebuild((sink) -> {
					while (running.write(opened, sink)) {
						// the next batch
					}
				});
			}
			return running.finish(opened);
		}
		finally {
			this.rebuilding = false;
			this.pass = null;
		}
	}

	/** One rebuild, from its first batch to its commit. */
	private final class Pass {

		/** Changes up to this time are in the rebuild; catch-up takes over from there. */
		private final Instant caughtUpTo = IndexRebuild.this.repository.lastUpdate().orElse(Instant.EPOCH);

		private final long papers = IndexRebuild.this.repository.countPapers();

		private final boolean newestFirst;

		private final IntConsumer progress;

		private SearchRepository.Place after;

		private int done;

		private volatile int shown;

		private long shownAt;

		Pass(boolean newestFirst, IntConsumer progress) {
			this.newestFirst = newestFirst;
			this.progress = progress;
		}

		/**
		 * Reads the next batch and hands it to {@code sink}; an empty index's first batch, and then a
		 * batch every {@link #SHOW_EVERY}, is made searchable at once.
		 * @return false when there was no batch left
		 * @throws IllegalStateException when the application stops
		 */
		boolean write(SearchIndex opened, Consumer<List<IndexedPaper>> sink) {
			if (IndexRebuild.this.stopping) {
				abandon(opened);
				throw new IllegalStateException("Search index rebuild stopped after " + this.done
						+ " papers: the application is stopping; the next start builds the index again");
			}
			List<SearchRepository.Place> places = IndexRebuild.this.repository.newestAfter(this.after,
					ChangeBatches.BATCH);
			if (places.isEmpty()) {
				return false;
			}
			List<String> ids = places.stream().map(SearchRepository.Place::paperId).toList();
			sink.accept(IndexRebuild.this.catalog.findPapers(ids).values().stream().map(IndexedPaper::of).toList());
			this.done += ids.size();
			this.after = places.get(places.size() - 1);
			if (!this.newestFirst) {
				this.shown = this.done;
			}
			else if (this.shown == 0 || System.nanoTime() - this.shownAt >= SHOW_EVERY.toNanos()) {
				opened.refresh();
				this.shown = this.done;
				this.shownAt = System.nanoTime();
			}
			this.progress.accept(this.done);
			return true;
		}

		/**
		 * Marks what is saved so far as caught up to nothing, so the next start builds the index
		 * again (and a catch-up would index every paper): a half-done rebuild loses none.
		 */
		void abandon(SearchIndex opened) {
			opened.commit(Map.of(CatchUp.CAUGHT_UP_TO, Instant.EPOCH.toString()));
		}

		int finish(SearchIndex opened) {
			opened.commit(Map.of(CatchUp.CAUGHT_UP_TO, this.caughtUpTo.toString()));
			opened.refresh();
			this.shown = this.done;
			IndexRebuild.this.batches.committed();
			logger.info("Search index rebuilt: {} papers", this.done);
			return this.done;
		}

	}

}
