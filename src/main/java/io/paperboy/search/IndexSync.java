package io.paperboy.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.Paper;
import io.paperboy.community.VoteChangedEvent;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the index in step with the database. Changes committed by this process arrive as events,
 * after commit, and are written in batches by one thread every
 * {@link SearchProperties#refreshInterval()}, which also refreshes the near-real-time reader;
 * commits to disk are batched too ({@link SearchProperties#commitInterval()}). Changes made by other
 * processes are caught up from {@code papers.updated_at}, whose high-water mark is kept in the
 * commit's user data. A missing or outdated index is rebuilt at start, in the background.
 * <p>
 * A command-line verb does not open the index (a running server holds its lock); {@code reindex}
 * opens it on purpose.
 */
@Component
class IndexSync implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	/** Commit user data: the last {@code papers.updated_at} the index has caught up to. */
	static final String CAUGHT_UP_TO = "paperboy.caught-up-to";

	private static final int BATCH = 500;

	private final SearchProperties properties;

	private final IndexLocation location;

	private final Embedder embedder;

	private final Catalog catalog;

	private final SearchRepository repository;

	private final boolean server;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private volatile SearchIndex index;

	private volatile ScheduledExecutorService writer;

	private volatile EmbeddingQueue embeddingQueue;

	private volatile boolean rebuilding;

	private volatile boolean running;

	/** Set when the application stops: a rebuild in progress gives up after its current batch. */
	private volatile boolean stopping;

	private volatile long lastCommit = System.nanoTime();

	IndexSync(SearchProperties properties, IndexLocation location, Embedder embedder, Catalog catalog,
			SearchRepository repository, ApplicationContext context) {
		this.properties = properties;
		this.location = location;
		this.embedder = embedder;
		this.catalog = catalog;
		this.repository = repository;
		this.server = context instanceof WebApplicationContext;
	}

	/** The index, opened on first use. */
	SearchIndex index() {
		SearchIndex opened = this.index;
		if (opened == null) {
			synchronized (this) {
				opened = this.index;
				if (opened == null) {
					try {
						opened = SearchIndex.open(this.location.folder(), this.embedder.model());
					}
					catch (java.io.UncheckedIOException ex) {
						if (ex.getCause() instanceof LockObtainFailedException) {
							throw new IndexInUseException(this.location.folder());
						}
						throw ex;
					}
					this.index = opened;
				}
			}
		}
		return opened;
	}

	IndexLocation location() {
		return this.location;
	}

	/** Whether a rebuild is under way. */
	boolean isRebuilding() {
		return this.rebuilding;
	}

	@Override
	public void start() {
		this.stopping = false;
		this.running = true;
		if (!this.server) {
			return;
		}
		SearchIndex opened = index();
		this.writer = Executors.newSingleThreadScheduledExecutor((task) -> thread(task, "paperboy-search-index"));
		if (opened.wasCreated()) {
			this.rebuilding = true;
			this.writer.execute(() -> {
				try {
					rebuild((done) -> {
					});
				}
				finally {
					this.rebuilding = false;
				}
			});
		}
		else {
			this.writer.execute(this::catchUp);
		}
		long refresh = this.properties.refreshInterval().toMillis();
		this.writer.scheduleWithFixedDelay(this::writePending, refresh, refresh, TimeUnit.MILLISECONDS);
		long catchUp = this.properties.catchUpInterval().toMillis();
		this.writer.scheduleWithFixedDelay(this::catchUp, catchUp, catchUp, TimeUnit.MILLISECONDS);
		if (this.properties.embeddings()) {
			this.embeddingQueue = new EmbeddingQueue(this, this.embedder, this.catalog,
					this.properties.embeddingBatchSize());
			this.embeddingQueue.start();
		}
	}

	@Override
	public void stop() {
		this.stopping = true;
		this.running = false;
		if (this.embeddingQueue != null) {
			this.embeddingQueue.stop();
		}
		if (this.writer != null) {
			this.writer.shutdown();
			try {
				// a rebuild gives up after its batch in progress, so the writer ends within a batch
				this.writer.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		SearchIndex opened = this.index;
		if (opened != null) {
			opened.close();
			this.index = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void catalogChanged(CatalogChangedEvent event) {
		changed(event.paperId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void voteChanged(VoteChangedEvent event) {
		changed(event.paperId());
	}

	private void changed(String paperId) {
		if (this.writer != null) {
			this.pending.add(paperId);
		}
	}

	/**
	 * Writes every change seen so far and makes it visible to searches, on the index's thread; returns
	 * when done. For tests and for verbs that must see their own writes.
	 */
	void flush() {
		if (this.writer == null) {
			return;
		}
		onWriterThread(() -> {
			writePending();
			return null;
		});
	}

	<T> T onWriterThread(java.util.concurrent.Callable<T> task) {
		Future<T> done = this.writer.submit(task);
		try {
			return done.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	/** Whether index writes run on a thread of their own (in the server) rather than the caller's. */
	boolean hasWriterThread() {
		return this.writer != null;
	}

	private void writePending() {
		try {
			if (!this.pending.isEmpty()) {
				List<String> ids = new ArrayList<>(this.pending);
				this.pending.removeAll(ids);
				for (int from = 0; from < ids.size(); from += BATCH) {
					write(ids.subList(from, Math.min(ids.size(), from + BATCH)));
				}
				index().refresh();
				EmbeddingQueue queue = this.embeddingQueue;
				if (queue != null) {
					queue.wake();
				}
			}
			if (index().hasUncommittedChanges()
					&& System.nanoTime() - this.lastCommit >= this.properties.commitInterval().toNanos()) {
				index().commit(Map.of());
				this.lastCommit = System.nanoTime();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not update the search index; the next catch-up retries", ex);
		}
	}

	/** Reads these papers from the database and writes them to the index; papers gone are removed. */
	private void write(Collection<String> ids) {
		Map<String, Paper> papers = this.catalog.findPapers(ids);
		index().upsert(papers.values().stream().map(IndexedPaper::of).toList());
		Set<String> gone = new HashSet<>(ids);
		gone.removeAll(papers.keySet());
		index().delete(gone);
	}

	/** Indexes papers written by other processes since the last catch-up. */
	private void catchUp() {
		if (this.rebuilding) {
			return;
		}
		try {
			String mark = index().committedData().get(CAUGHT_UP_TO);
			Instant since = (mark != null) ? Instant.parse(mark) : Instant.EPOCH;
			boolean changed = false;
			while (true) {
				List<SearchRepository.Change> changes = this.repository.changedAfter(since, BATCH);
				if (changes.isEmpty()) {
					break;
				}
				write(changes.stream().map(SearchRepository.Change::paperId).toList());
				since = changes.get(changes.size() - 1).updatedAt();
				changed = true;
				if (changes.size() < BATCH) {
					break;
				}
			}
			if (changed) {
				index().refresh();
				index().commit(Map.of(CAUGHT_UP_TO, since.toString()));
				this.lastCommit = System.nanoTime();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not catch the search index up with the database", ex);
		}
	}

	/**
	 * Rebuilds the whole index from the database, reusing the vectors of papers whose text has not
	 * changed, and commits it.
	 * @param progress told the number of papers indexed after each batch
	 * @return the number of papers indexed
	 */
	int rebuild(IntConsumer progress) {
		Instant caughtUpTo = this.repository.lastUpdate().orElse(Instant.EPOCH);
		int[] done = { 0 };
		SearchIndex opened = index();
		opened.rebuild((sink) -> {
			String after = null;
			while (true) {
				if (this.stopping) {
					// what is saved so far is marked as caught up to nothing, so the next start's
					// catch-up indexes every paper again: a half-done rebuild loses none
					opened.commit(Map.of(CAUGHT_UP_TO, Instant.EPOCH.toString()));
					throw new IllegalStateException("Search index rebuild stopped after " + done[0]
							+ " papers: the application is stopping; the next start catches up");
				}
				List<String> ids = this.repository.idsAfter(after, BATCH);
				if (ids.isEmpty()) {
					break;
				}
				sink.accept(this.catalog.findPapers(ids).values().stream().map(IndexedPaper::of).toList());
				done[0] += ids.size();
				progress.accept(done[0]);
				after = ids.get(ids.size() - 1);
			}
		});
		opened.commit(Map.of(CAUGHT_UP_TO, caughtUpTo.toString()));
		opened.refresh();
		this.lastCommit = System.nanoTime();
		logger.info("Search index rebuilt: {} papers", done[0]);
		return done[0];
	}

	/** Papers in the database. */
	long papersInDatabase() {
		return this.repository.countPapers();
	}

	/**
	 * Embeds these papers and stores their vectors, on the index's thread when there is one. A paper
	 * changed since {@code papers} were read keeps no vector: the queue embeds it again.
	 */
	void storeVectors(List<IndexedPaper> papers, List<float[]> vectors) {
		java.util.concurrent.Callable<Void> store = () -> {
			Map<String, Paper> current = this.catalog.findPapers(papers.stream().map(IndexedPaper::id).toList());
			String model = index().model();
			for (int i = 0; i < papers.size(); i++) {
				Paper now = current.get(papers.get(i).id());
				if (now == null) {
					continue;
				}
				IndexedPaper fresh = IndexedPaper.of(now);
				if (fresh.embeddingKey(model).equals(papers.get(i).embeddingKey(model))) {
					index().upsert(fresh, vectors.get(i));
				}
			}
			index().refresh();
			return null;
		};
		if (this.writer != null) {
			onWriterThread(store);
		}
		else {
			try {
				store.call();
			}
			catch (Exception ex) {
				throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
			}
		}
	}

	SearchStatus status() {
		SearchIndex opened = index();
		EmbeddingQueue queue = this.embeddingQueue;
		return new SearchStatus(this.location.folder().toString(), papersInDatabase(), opened.count(),
				opened.countEmbedded(), this.rebuilding, this.properties.embeddings(),
				(queue != null) ? queue.embeddedSinceStart() : 0, (queue != null) ? queue.papersPerSecond() : 0,
				opened.sizeInBytes());
	}

	/** The queue's progress, when the queue runs. */
	EmbeddingQueue embeddingQueue() {
		return this.embeddingQueue;
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	static Thread daemon(Runnable task, String name) {
		return thread(task, name);
	}

}
