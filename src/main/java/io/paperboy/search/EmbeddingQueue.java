package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds, in the background and in batches, every paper of the index that has no vector yet. The
 * index itself records which papers are embedded (a vector field, and a marker to find those
 * without), so the queue resumes where it stopped after a restart, and a paper whose title or
 * abstract changed is embedded again. Papers not embedded yet are still found by their words. While
 * an empty index is built at start it embeds the papers already shown, newest first, and its vectors
 * are stored between the rebuild's batches; while a rebuild replaces an index that answers, it waits.
 */
final class EmbeddingQueue {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingQueue.class);

	/** How long the queue rests when there is nothing to embed, or after a failure. */
	private static final long IDLE_MILLIS = 1000;

	private static final long FAILURE_MILLIS = 30_000;

	private final IndexSync sync;

	private final Embedder embedder;

	private final Catalog catalog;

	private final int batchSize;

	private final Thread thread;

	private volatile boolean stopped;

	private final Object signal = new Object();

	private volatile long embedded;

	private volatile double papersPerSecond;

	EmbeddingQueue(IndexSync sync, Embedder embedder, Catalog catalog, int batchSize) {
		this.sync = sync;
		this.embedder = embedder;
		this.catalog = catalog;
		this.batchSize = batchSize;
		this.thread = WriterThread.daemon(this::run, "paperboy-embedding");
		this.thread.setPriority(Thread.MIN_PRIORITY);
	}

	void start() {
		this.thread.start();
	}

	void stop() {
		this.stopped = true;
		this.thread.interrupt();
		try {
			// a batch being embedded is not interruptible; the thread is a daemon, and what it had
			// not saved is embedded again after the restart. Short enough for SIGTERM's 30 s.
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Tells the queue that papers may be waiting, so it does not finish its rest first. */
	void wake() {
		synchronized (this.signal) {
			this.signal.notifyAll();
		}
	}

	/** Papers this queue embedded since start. */
	long embeddedSinceStart() {
		return this.embedded;
	}

	/** Rate of the last batch. */
	double papersPerSecond() {
		return this.papersPerSecond;
	}

	private void run() {
		while (!this.stopped) {
			try {
				int done = (this.sync.embeddingWaits()) ? 0 : embedBatch(this.sync, this.embedder, this.catalog, this.batchSize);
				if (done == 0) {
					synchronized (this.signal) {
						this.signal.wait(IDLE_MILLIS);
					}
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (this.stopped) {
					return;
				}
				logger.error("Embedding papers failed; trying again in {} s", FAILURE_MILLIS / 1000, ex);
				try {
					Thread.sleep(FAILURE_MILLIS);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private int embedBatch(IndexSync sync, Embedder embedder, Catalog catalog, int size) {
		long start = System.nanoTime();
		int done = embedNext(sync, embedder, catalog, size);
		if (done > 0) {
			this.embedded += done;
			this.papersPerSecond = done / ((System.nanoTime() - start) / 1e9);
		}
		return done;
	}

	/**
	 * Embeds up to {@code size} papers that have no vector and stores their vectors.
	 * @return how many papers were embedded; 0 when none was waiting
	 */
	static int embedNext(IndexSync sync, Embedder embedder, Catalog catalog, int size) {
		List<String> ids = sync.index().unembedded(size);
		if (ids.isEmpty()) {
			return 0;
		}
		Map<String, Paper> papers = catalog.findPapers(ids);
		List<IndexedPaper> batch = new ArrayList<>();
		papers.values().forEach((paper) -> batch.add(IndexedPaper.of(paper)));
		if (batch.isEmpty()) {
			return 0;
		}
		List<float[]> vectors = embedder.embed(batch.stream().map(IndexedPaper::embeddingText).toList());
		sync.storeVectors(batch, vectors);
		return batch.size();
	}

}
