package io.paperboy.search;

import java.util.function.LongSupplier;

import io.paperboy.web.RequestsInFlight;

/**
 * Says when an extra embedding thread (one of {@code paperboy.search.embedding-idle-threads}) may
 * take a core: no request is being answered and none has begun for {@value #QUIET_MILLIS} ms, and
 * the machine's other work (anything but embedding: a PostgreSQL beside the server, an import, a
 * digest run) leaves a core free for it. Asked before every paper such a thread embeds, so a
 * visitor waits at most for the paper under way (about 30 ms of one core) before the core is his.
 * <p>
 * Giving the extra threads a lower priority would not do: on Linux the JVM ignores Java's thread
 * priorities unless run as root with {@code -XX:ThreadPriorityPolicy=1}, and it has no call for a
 * thread's nice value, so they must step aside by themselves.
 */
final class QuietServer {

	/** How long the server must have seen no request before the extra threads work. */
	static final long QUIET_MILLIS = 200;

	private static final long QUIET_NANOS = QUIET_MILLIS * 1_000_000;

	/** How often the machine's load is read: often enough to notice, rarely enough to cost nothing. */
	private static final long LOAD_NANOS = 250_000_000;

	/** The free share of a core an extra thread needs before it takes the core. */
	private static final double MARGIN = 0.5;

	private final RequestsInFlight requests;

	private final MachineLoad load;

	private final LongSupplier embeddingCpuNanos;

	private final int cores;

	private final int alwaysThreads;

	private long lastStarted = -1;

	private long lastVisit;

	private long lastReading = System.nanoTime();

	private long lastEmbeddingCpu;

	private double otherCores;

	/**
	 * @param requests the requests the server is answering
	 * @param load the machine's busy cores
	 * @param embeddingCpuNanos processor time all embedding threads have used, so that the load they
	 * cause themselves is not taken for other work
	 * @param cores the cores this process may use
	 * @param alwaysThreads the embedding threads that run whatever the load
	 */
	QuietServer(RequestsInFlight requests, MachineLoad load, LongSupplier embeddingCpuNanos, int cores,
			int alwaysThreads) {
		this.requests = requests;
		this.load = load;
		this.embeddingCpuNanos = embeddingCpuNanos;
		this.cores = cores;
		this.alwaysThreads = alwaysThreads;
		this.lastEmbeddingCpu = embeddingCpuNanos.getAsLong();
	}

	/**
	 * Whether the extra thread in this slot may embed one more paper now: slot 0 needs one core free
	 * of other work beside the threads that always run, slot 1 two, and so on.
	 */
	synchronized boolean allows(int slot) {
		long now = System.nanoTime();
		if (now - this.lastReading >= LOAD_NANOS) {
			readLoad(now);
		}
		long started = this.requests.started();
		if (started != this.lastStarted || this.requests.inFlight() > 0) {
			this.lastStarted = started;
			this.lastVisit = now;
			return false;
		}
		return now - this.lastVisit >= QUIET_NANOS
				&& this.otherCores <= this.cores - this.alwaysThreads - slot - 1 + MARGIN;
	}

	/** Cores the machine's other work took in the last reading's interval. */
	synchronized double otherCores() {
		return this.otherCores;
	}

	private void readLoad(long now) {
		double busy = this.load.busyCores();
		long cpu = this.embeddingCpuNanos.getAsLong();
		double embedding = (double) (cpu - this.lastEmbeddingCpu) / (now - this.lastReading);
		this.lastReading = now;
		this.lastEmbeddingCpu = cpu;
		// unknown load (another system, the first reading): only the requests decide
		this.otherCores = Double.isNaN(busy) ? 0 : Math.max(0, busy - embedding);
	}

}
