package io.paperboy.search;

import java.util.function.LongSupplier;

import io.paperboy.web.RequestsInFlight;

/**
 * Says when an extra embedding thread (one of {@code paperboy.search.embedding-idle-threads}) may
 * take a core: no request is being answered and none has begun for {@value #QUIET_MILLIS} ms, and
 * the machine's other work (a PostgreSQL beside the server, an import, a build) leaves a core free
 * for it. Asked before every paper such a thread embeds, so a
 * visitor waits at most for the paper under way (about 30 ms of one core) before the core is his.
 * <p>
 * The machine's other work is the other processes' (the busy cores less this process's own time):
 * this process's requests count through {@link RequestsInFlight} instead, and its own background
 * work (storing the vectors, merging the index's segments, collecting garbage) mostly follows from
 * embedding, and would otherwise keep the extra threads waiting for themselves.
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

	private final LongSupplier ownCpuNanos;

	private final int cores;

	private final int alwaysThreads;

	private long lastStarted = -1;

	private long lastVisit;

	private long lastReading = System.nanoTime();

	private long lastOwnCpu;

	private double otherCores;

	/**
	 * @param requests the requests the server is answering
	 * @param load the machine's busy cores
	 * @param ownCpuNanos processor time this process has used, so that its own load is not taken for
	 * other work; negative when unknown
	 * @param cores the cores this process may use
	 * @param alwaysThreads the embedding threads that run whatever the load
	 */
	QuietServer(RequestsInFlight requests, MachineLoad load, LongSupplier ownCpuNanos, int cores,
			int alwaysThreads) {
		this.requests = requests;
		this.load = load;
		this.ownCpuNanos = ownCpuNanos;
		this.cores = cores;
		this.alwaysThreads = alwaysThreads;
		this.lastOwnCpu = ownCpuNanos.getAsLong();
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

	/** Cores the other processes took in the last reading's interval. */
	synchronized double otherCores() {
		return this.otherCores;
	}

	private void readLoad(long now) {
		double busy = this.load.busyCores();
		long cpu = this.ownCpuNanos.getAsLong();
		double own = (double) (cpu - this.lastOwnCpu) / (now - this.lastReading);
		boolean known = !Double.isNaN(busy) && cpu >= 0 && this.lastOwnCpu >= 0;
		this.lastReading = now;
		this.lastOwnCpu = cpu;
		// unknown load (another system, the first reading): only the requests decide
		this.otherCores = known ? Math.max(0, busy - own) : 0;
	}

}
