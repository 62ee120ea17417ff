package io.paperboy.search;

import java.time.Clock;
import java.util.List;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.community.VoteChangedEvent;
import io.paperboy.web.RequestsInFlight;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the index in step with the database, and says which thread does what. Changes committed by
 * this process arrive as events, after commit, and are written in {@link ChangeBatches} on the
 * {@link WriterThread}; changes made by other processes are caught up ({@link CatchUp}) from
 * {@code papers.updated_at}; a missing or outdated index is rebuilt at start, in the background
 * ({@link IndexRebuild}); the {@link EmbeddingQueue} embeds what the index holds without a vector.
 * <p>
 * A command-line verb does not open the index (a running server holds its lock) and starts no
 * thread; {@code reindex} opens the index on purpose and writes on its own thread.
 */
@Component
class IndexSync implements SmartLifecycle {

	private final SearchProperties properties;

	private final Embedder embedder;

	private final Catalog catalog;

	private final SearchRepository repository;

	private final boolean server;

	private final RequestsInFlight requests;

	/** The machine's load, as the embedding queue's extra threads read it. */
	private volatile MachineLoad load = MachineLoad.procStat();

	private final OpenedIndex index;

	private final WriterThread writer = new WriterThread();

	private final ChangeBatches batches;

	private final IndexRebuild rebuild;

	private final CatchUp catchUp;

	private final VectorStore vectors;

	private final IndexStatus status;

	private volatile EmbeddingQueue embeddingQueue;

	/** Told how many papers a rebuild at start has indexed after each of its batches. */
	private volatile IntConsumer rebuildWatcher = (done) -> {
	};

	private volatile boolean running;

	IndexSync(SearchProperties properties, IndexLocation location, Embedder embedder, Catalog catalog,
			SearchRepository repository, Clock clock, ApplicationContext context, RequestsInFlight requests) {
		this.properties = properties;
		this.requests = requests;
		this.embedder = embedder;
		this.catalog = catalog;
		this.repository = repository;
		this.server = context instanceof WebApplicationContext;
		this.index = new OpenedIndex(location, embedder);
		this.batches = new ChangeBatches(this.index, catalog, properties, this::wakeEmbeddingQueue);
		this.rebuild = new IndexRebuild(this.index, catalog, repository, this.batches);
		this.catchUp = new CatchUp(this.index, repository, this.batches, this.rebuild, clock);
		this.vectors = new VectorStore(this.index, catalog, this.writer);
		this.status = new IndexStatus(this.index, repository, properties, this.rebuild, this::embeddingQueue);
	}

	/** The index, opened on first use. */
	SearchIndex index() {
		return this.index.get();
	}

	IndexLocation location() {
		return this.index.location();
	}

	/** Whether a rebuild is under way. */
	boolean isRebuilding() {
		return this.rebuild.isRebuilding();
	}

	/**
	 * Whether the embedding queue must wait: a rebuild replaces an index that answers meanwhile. A
	 * rebuild at start fills an empty index, and the queue embeds its newest papers between batches.
	 */
	boolean embeddingWaits() {
		return this.rebuild.isReplacing();
	}

	/** How far the rebuild under way has come; {@code null} when none is. */
	RebuildProgress rebuildProgress() {
		return this.rebuild.progress();
	}

	/**
	 * Has {@code watcher} told, on the writer thread, how many papers a rebuild at start has indexed
	 * after each batch (before {@link #start()}): tests hold a rebuild mid-way with it.
	 */
	void watchRebuild(IntConsumer watcher) {
		this.rebuildWatcher = watcher;
	}

	/**
	 * Has the embedding queue's extra threads read the machine's load from {@code load} (before
	 * {@link #start()}): tests that count what those threads do leave out the load of whatever else
	 * runs on the machine.
	 */
	void readLoadFrom(MachineLoad load) {
		this.load = load;
	}

	/**
	 * In the server: opens the index, rebuilds it when it was missing or outdated or a rebuild was
	 * stopped before its end, or else catches up,
	 * then writes changes every refresh interval and catches up every catch-up interval, all on the
	 * writer thread; the embedding queue runs on threads of its own.
	 */
	@Override
	public void start() {
		this.rebuild.allow();
		this.running = true;
		if (!this.server) {
			return;
		}
		SearchIndex opened = index();
		this.writer.start();
		if (opened.wasCreated() || IndexRebuild.wasAbandoned(opened)) {
			this.rebuild.inBackground(this.writer, (done) -> this.rebuildWatcher.accept(done));
		}
		else {
			this.writer.execute(this.catchUp::run);
		}
		this.writer.every(this.properties.refreshInterval(), this::writePending);
		this.writer.every(this.properties.catchUpInterval(), this.catchUp::run);
		if (this.properties.embeddings()) {
			this.embeddingQueue = new EmbeddingQueue(this, this.embedder, this.catalog,
					this.properties.embeddingBatchSize(), this.properties.embeddingThreads(),
					this.properties.idleThreads(Runtime.getRuntime().availableProcessors()), this.requests, this.load);
			this.embeddingQueue.start();
		}
	}

	@Override
	public void stop() {
		this.rebuild.stop();
		this.running = false;
		EmbeddingQueue queue = this.embeddingQueue;
		if (queue != null) {
			queue.stop();
		}
		this.writer.stop();
		this.index.close();
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
		// without the writer thread (a verb) nothing would write them: the server catches up instead
		if (this.writer.isStarted()) {
			this.batches.changed(paperId);
		}
	}

	/**
	 * Writes every change seen so far and makes it visible to searches, on the index's thread; returns
	 * when done (during a rebuild, between two of its batches, and the changes wait for its end). For
	 * tests and for verbs that must see their own writes.
	 */
	void flush() {
		if (!this.writer.isStarted()) {
			return;
		}
		this.writer.call(() -> {
			writePending();
			return null;
		});
	}

	/**
	 * Writes the changes seen so far, except during a rebuild: it adds papers without looking them up,
	 * so a paper written beside it could be doubled. The changes wait, and are written when it ends.
	 */
	private void writePending() {
		if (!this.rebuild.isRebuilding()) {
			this.batches.writePending();
		}
	}

	/**
	 * Rebuilds the whole index from the database, reusing the vectors of papers whose text has not
	 * changed, and commits it.
	 * @param progress told the number of papers indexed after each batch
	 * @return the number of papers indexed
	 */
	int rebuild(IntConsumer progress) {
		return this.rebuild.rebuild(progress);
	}

	/** Papers in the database. */
	long papersInDatabase() {
		return this.repository.countPapers();
	}

	/**
	 * Stores the vectors of these papers, on the index's thread when there is one. A paper changed
	 * since {@code papers} were read keeps no vector: the queue embeds it again.
	 */
	void storeVectors(List<IndexedPaper> papers, List<float[]> vectors) {
		this.vectors.store(papers, vectors);
	}

	SearchStatus status() {
		return this.status.read();
	}

	/** The queue's progress, when the queue runs. */
	EmbeddingQueue embeddingQueue() {
		return this.embeddingQueue;
	}

	private void wakeEmbeddingQueue() {
		EmbeddingQueue queue = this.embeddingQueue;
		if (queue != null) {
			queue.wake();
		}
	}

}
