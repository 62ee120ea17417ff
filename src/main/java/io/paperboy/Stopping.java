package io.paperboy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * Says when the application has begun to stop ({@code SIGTERM}, the end of a command-line verb),
 * so that work which would hold the process up ends at once and leaves itself resumable: a source
 * asleep between retries or waiting for an answer gives up, a run records itself as interrupted,
 * a snapshot import stops after its last committed batch.
 * <p>
 * A lifecycle bean in the last phase, so it is the first to stop: before the web server drains
 * its requests and before db-scheduler waits for the executions it runs. Its {@link #stop()}
 * returns once the work begun through {@link #begin()} has ended, or after {@link #GRACE}, so the
 * database is still open while runs record how they ended.
 * <p>
 * {@code SIGTERM} and {@code SIGINT} come here first ({@link #handleSignals()}), before the JVM runs
 * its shutdown hooks: the embedded database's own hook closes it as soon as the JVM begins to exit,
 * which would be before a run had recorded itself.
 */
@Component
public class Stopping implements SmartLifecycle {

	/** How long stopping waits for work in progress to notice and record itself. */
	public static final Duration GRACE = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(Stopping.class);

	private final List<Hook> hooks = new CopyOnWriteArrayList<>();

	private final Object lock = new Object();

	private volatile boolean requested;

	private boolean running;

	private int inProgress;

	/** Whether the application has begun to stop: work in progress should end as soon as it can. */
	public boolean requested() {
		return this.requested;
	}

	/**
	 * Runs {@code stop} when stopping begins, or at once if it has begun; and {@code restart} when
	 * a stopped application starts again (a context stopped and started, as the test framework
	 * does with the contexts it caches).
	 */
	public void whenRequested(Runnable stop, Runnable restart) {
		this.hooks.add(new Hook(stop, restart));
		if (this.requested) {
			stop.run();
		}
	}

	/** Work that stopping waits for (up to {@link #GRACE}); closing it says it ended. */
	public Work begin() {
		synchronized (this.lock) {
			this.inProgress++;
		}
		return () -> {
			synchronized (this.lock) {
				this.inProgress--;
				this.lock.notifyAll();
			}
		};
	}

	/**
	 * Makes {@code SIGTERM} and {@code SIGINT} stop the work in progress, and let it record how it
	 * ended, before the JVM exits (with the usual status, 128 + the signal's number) and runs its
	 * shutdown hooks, the application context's among them. Called once the application has
	 * started; a signal before then stops the JVM the usual way.
	 */
	public void handleSignals() {
		for (String name : List.of("TERM", "INT")) {
			try {
				Signal.handle(new Signal(name), (signal) -> {
					logger.info("SIG{}: stopping", signal.getName());
					stop();
					System.exit(128 + signal.getNumber());
				});
			}
			catch (IllegalArgumentException ex) {
				// a platform without the signal, or a JVM told to leave signals alone (-Xrs)
				logger.debug("Cannot handle SIG{}: {}", name, ex.getMessage());
			}
		}
	}

	@Override
	public void start() {
		if (this.requested) {
			this.requested = false;
			this.hooks.forEach((hook) -> hook.restart().run());
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.requested = true;
		this.running = false;
		for (Hook hook : this.hooks) {
			try {
				hook.stop().run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not stop {}: {}", hook.stop(), ex.toString());
			}
		}
		long deadline = System.nanoTime() + GRACE.toNanos();
		synchronized (this.lock) {
			while (this.inProgress > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					logger.warn("Stopping with {} runs still in progress", this.inProgress);
					return;
				}
				try {
					this.lock.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// the highest phase stops first
		return Integer.MAX_VALUE;
	}

	private record Hook(Runnable stop, Runnable restart) {
	}

	/** Work in progress; {@link #close()} when it ends, however it ends. */
	@FunctionalInterface
	public interface Work extends AutoCloseable {

		@Override
		void close();

	}

}
