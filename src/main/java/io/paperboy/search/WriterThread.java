package io.paperboy.search;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes to the index in the server: batched changes, catch-up, a rebuild at
 * start and the embedding queue's vectors all take turns on it, so none of them needs a lock and a
 * search never waits for a write. A command-line verb starts none and writes on its own thread.
 */
final class WriterThread {

	private volatile ScheduledExecutorService executor;

	void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "paperboy-search-index"));
	}

	/** Whether index writes run on this thread (in the server) rather than the caller's. */
	boolean isStarted() {
		return this.executor != null;
	}

	/** Runs this task once, soon, after the tasks already waiting. */
	void execute(Runnable task) {
		this.executor.execute(task);
	}

	/** Runs this task every {@code interval}, the first time after one interval. */
	void every(Duration interval, Runnable task) {
		long millis = interval.toMillis();
		this.executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Runs this task on the thread and returns its result when done; its failure is thrown here. */
	<T> T call(Callable<T> task) {
		Future<T> done = this.executor.submit(task);
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

	/** Stops taking tasks and waits a little for the one under way. */
	void stop() {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		running.shutdown();
		try {
			// a rebuild gives up after its batch in progress, so the writer ends within a batch
			running.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A daemon thread: the index is derived, so nothing is lost if the process ends while it runs. */
	static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
