package io.paperboy.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second headless Chromium for a test class, driven from a thread of its own: a test that checks
 * many pages checks some here while it checks others in {@link Chromium} on the test's thread, so
 * that one browser lays out, runs axe-core or draws a screenshot while the other waits for the
 * server. Playwright is single-threaded, so everything this browser does happens on its thread:
 * {@code @RegisterExtension static final ChromiumThread second = new ChromiumThread();}, then
 * {@code second.start((browser) -> ...)} and join the answer.
 */
public final class ChromiumThread implements BeforeAllCallback, AfterAllCallback {

	private ExecutorService thread;

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.thread = Executors.newSingleThreadExecutor((work) -> new Thread(work, "chromium-thread"));
		try {
			this.browser = this.thread.submit(Browser::start).get();
		}
		catch (ExecutionException ex) {
			// Chromium missing: the assumption's failure skips the class as on the test's thread
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.browser != null) {
			Browser started = this.browser;
			this.thread.submit(() -> Chromium.closeQuietly(started)).get();
			this.browser = null;
		}
		this.thread.shutdown();
	}

	/** Starts the work on this browser's thread; its answer (or failure) comes in the future. */
	public <T> CompletableFuture<T> start(Function<Browser, T> work) {
		return CompletableFuture.supplyAsync(() -> work.apply(this.browser), this.thread);
	}

}
