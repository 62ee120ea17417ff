package io.paperboy.search;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.web.RequestsInFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds, in the background and in batches, every paper of the index that has no vector yet. The
 * index itself records which papers are embedded (a vector field, and a marker to find those
 * without), so the queue resumes where it stopped after a restart, and a paper whose title or
 * abstract changed is embedded again. Papers not embedded yet are still found by their words. While
 * an empty index is built at start it embeds the papers already shown, newest first, and its vectors
 * are stored between the rebuild's batches; while a rebuild replaces an index that answers, it waits.
 * <p>
 * Two kinds of threads take batches: {@code paperboy.search.embedding-threads} that always run, and
 * {@code paperboy.search.embedding-idle-threads} that embed only while the server is quiet
 * ({@link QuietServer}, asked before each paper): on a 2-core machine at rest both cores embed, and
 * a visitor gets one back within a paper. Each thread embeds its papers itself, one after the other
 * (the model runs on the calling thread), and stores them; the papers a thread has taken and not
 * stored yet are claimed, so that no other thread takes them too.
 */
final class EmbeddingQueue {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingQueue.class);

	/** How long a thread rests when there is nothing to embed. */
	private static final long IDLE_MILLIS = 1000;

	/** How often an extra thread asks again whether the server is quiet. */
	private static final long QUIET_POLL_MILLIS = 50;

	private static final long FAILURE_MILLIS = 30_000;

	/** A thread's rate counts in the queue's for this long after its last batch. */
	private static final long RECENT_NANOS = 5_000_000_000L;

	private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();

	private final IndexSync sync;

	private final Embedder embedder;

	private final Catalog catalog;

	private final int batchSize;

	private final List<Worker> workers = new ArrayList<>();

	private final QuietServer quiet;

	private volatile boolean stopped;

	private final Object signal = new Object();

	/** Ids taken by a thread and not stored yet. Guarded by itself. */
	private final Set<String> claimed = new HashSet<>();

	private final LongAdder embedded = new LongAdder();

	private final AtomicInteger embedding = new AtomicInteger();

	/**
	 * @param alwaysThreads threads that embed whenever papers wait (at least one)
	 * @param idleThreads threads that embed only while the server is quiet and a core is free
	 * @param requests the requests the server is answering
	 * @param load the machine's busy cores
	 */
	EmbeddingQueue(IndexSync sync, Embedder embedder, Catalog catalog, int batchSize, int alwaysThreads,
			int idleThreads, RequestsInFlight requests, MachineLoad load) {
		this.sync = sync;
		this.embedder = embedder;
		this.catalog = catalog;
		this.batchSize = batchSize;
		int always = Math.max(1, alwaysThreads);
		for (int i = 0; i < always; i++) {
			this.workers.add(new Worker(-1, "paperboy-embedding-" + (i + 1)));
		}
		for (int slot = 0; slot < idleThreads; slot++) {
			this.workers.add(new Worker(slot, "paperboy-embedding-idle-" + (slot + 1)));
		}
		this.quiet = new QuietServer(requests, load, EmbeddingQueue::processCpuNanos,
				Runtime.getRuntime().availableProcessors(), always);
	}

	void start() {
		this.workers.forEach((worker) -> worker.thread.start());
	}

	void stop() {
		this.stopped = true;
		this.workers.forEach((worker) -> worker.thread.interrupt());
		long deadline = System.nanoTime() + 5_000_000_000L;
		for (Worker worker : this.workers) {
			try {
				// a paper being embedded is not interruptible; the threads are daemons, and what they
				// had not saved is embedded again after the restart. Short enough for SIGTERM's 30 s.
				worker.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
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
		return this.embedded.sum();
	}

	/** The sum of the rates of the threads that embedded in the last seconds, each over its last batch. */
	double papersPerSecond() {
		long recent = System.nanoTime() - RECENT_NANOS;
		return this.workers.stream()
			.filter((worker) -> worker.busy || worker.lastBatchEnd - recent > 0)
			.mapToDouble((worker) -> worker.rate)
			.sum();
	}

	/** Threads embedding a paper now (the others rest: nothing waits, or the server is not quiet). */
	int threadsEmbedding() {
		return this.embedding.get();
	}

	/** Cores the other processes on the machine took lately, as the extra threads last read it. */
	double otherCores() {
		return this.quiet.otherCores();
	}

	/** Threads that always embed. */
	int alwaysThreads() {
		return (int) this.workers.stream().filter((worker) -> !worker.isExtra()).count();
	}

	/** Threads that embed only while the server is quiet. */
	int idleThreads() {
		return (int) this.workers.stream().filter(Worker::isExtra).count();
	}

	/** Batches taken by the threads that embed only while the server is quiet, since start. */
	long batchesTakenWhenIdle() {
		return this.workers.stream().filter(Worker::isExtra).mapToLong((worker) -> worker.batches).sum();
	}

	/** Batches taken by the threads that always embed, since start. */
	long batchesTakenAlways() {
		return this.workers.stream().filter((worker) -> !worker.isExtra()).mapToLong((worker) -> worker.batches).sum();
	}

	/**
	 * Whether every extra thread was last told that the server is not quiet: none takes a batch
	 * before it is told otherwise.
	 */
	boolean extraThreadsStandAside() {
		return this.workers.stream().filter(Worker::isExtra).allMatch((worker) -> worker.standsAside);
	}

	/** Processor time of this process since start; -1 where the JVM does not tell it. */
	private static long processCpuNanos() {
		return (SYSTEM instanceof com.sun.management.OperatingSystemMXBean os) ? os.getProcessCpuTime() : -1;
	}

	/** Takes up to {@code size} papers without a vector, newest first, that no other thread holds. */
	private List<IndexedPaper> claim(int size) {
		List<String> ids;
		synchronized (this.claimed) {
			ids = new ArrayList<>(size);
			for (String id : this.sync.index().unembedded(size + this.claimed.size())) {
				if (ids.size() < size && !this.claimed.contains(id)) {
					ids.add(id);
				}
			}
			this.claimed.addAll(ids);
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		try {
			Map<String, Paper> papers = this.catalog.findPapers(ids);
			List<IndexedPaper> batch = new ArrayList<>(papers.size());
			papers.values().forEach((paper) -> batch.add(IndexedPaper.of(paper)));
			if (batch.isEmpty()) {
				release(ids);
			}
			return batch;
		}
		catch (RuntimeException ex) {
			release(ids);
			throw ex;
		}
	}

	private void release(List<String> ids) {
		synchronized (this.claimed) {
			ids.forEach(this.claimed::remove);
		}
	}

	/**
	 * Embeds up to {@code size} papers that have no vector and stores their vectors. For
	 * {@code reindex}, which has the index to itself: the texts of a batch are spread over the
	 * embedding executor.
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

	/** One thread of the queue. */
	private final class Worker {

		/** For an extra thread, its place among them (0 for the first); -1 for one that always runs. */
		private final int slot;

		private final Thread thread;

		private volatile boolean busy;

		private volatile double rate;

		private volatile long batches;

		private volatile long lastBatchEnd = System.nanoTime() - RECENT_NANOS;

		/** Whether the last answer of {@link QuietServer} was no. */
		private volatile boolean standsAside;

		Worker(int slot, String name) {
			this.slot = slot;
			this.thread = WriterThread.daemon(this::run, name);
			this.thread.setPriority(Thread.MIN_PRIORITY);
		}

		boolean isExtra() {
			return this.slot >= 0;
		}

		private boolean mayEmbed() {
			if (!isExtra()) {
				return true;
			}
			boolean allowed = EmbeddingQueue.this.quiet.allows(this.slot);
			this.standsAside = !allowed;
			return allowed;
		}

		private void run() {
			while (!EmbeddingQueue.this.stopped) {
				try {
					if (!mayEmbed()) {
						rest(QUIET_POLL_MILLIS);
					}
					else if (EmbeddingQueue.this.sync.embeddingWaits() || embedBatch() == 0) {
						rest(IDLE_MILLIS);
					}
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					if (EmbeddingQueue.this.stopped) {
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

		private void rest(long millis) throws InterruptedException {
			synchronized (EmbeddingQueue.this.signal) {
				EmbeddingQueue.this.signal.wait(millis);
			}
		}

		/**
		 * Claims a batch, embeds its papers one after the other and stores their vectors. An extra
		 * thread stops as soon as the server is no longer quiet, stores what it has and gives the
		 * rest back.
		 * @return papers embedded; 0 when none was waiting
		 */
		private int embedBatch() {
			long start = System.nanoTime();
			List<IndexedPaper> batch = claim(EmbeddingQueue.this.batchSize);
			if (batch.isEmpty()) {
				return 0;
			}
			this.batches++;
			this.busy = true;
			EmbeddingQueue.this.embedding.incrementAndGet();
			List<IndexedPaper> done = new ArrayList<>(batch.size());
			try {
				List<float[]> vectors = new ArrayList<>(batch.size());
				for (IndexedPaper paper : batch) {
					if (!done.isEmpty() && !mayEmbed()) {
						break;
					}
					// one text: the model runs on this thread
					vectors.add(EmbeddingQueue.this.embedder.embed(List.of(paper.embeddingText())).get(0));
					done.add(paper);
				}
				EmbeddingQueue.this.sync.storeVectors(done, vectors);
			}
			finally {
				EmbeddingQueue.this.embedding.decrementAndGet();
				this.busy = false;
				release(batch.stream().map(IndexedPaper::id).toList());
			}
			EmbeddingQueue.this.embedded.add(done.size());
			long end = System.nanoTime();
			this.rate = done.size() / ((end - start) / 1e9);
			this.lastBatchEnd = end;
			return done.size();
		}

	}

}
