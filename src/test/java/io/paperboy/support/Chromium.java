package io.paperboy.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A headless Chromium for a test class: {@code @RegisterExtension static final Chromium browser =
 * new Chromium();} makes sure it runs before the class's tests (skipping them when Chromium is not
 * installed). It is one browser for the whole test run, started by the first class that asks and
 * closed when the test JVM stops: starting Playwright's driver and Chromium again for each class
 * costs seconds, and a test's cookies, viewport and colour scheme live in the context it makes,
 * not in the browser. Classes run one after another on one thread, Playwright's own rule.
 */
public final class Chromium implements BeforeAllCallback {

	private static Browser shared;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		browser();
	}

	/** A fresh browser context (cookies, viewport, colour scheme) for one scenario. */
	public BrowserContext newContext(NewContextOptions options) {
		return shared.newContext(options);
	}

	private static synchronized Browser browser() throws Exception {
		// a browser that crashed in an earlier class is replaced rather than failing every later one
		if (shared == null || !shared.isConnected()) {
			Browser started = Browser.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started), "chromium-closer"));
			shared = started;
		}
		return shared;
	}

	static void closeQuietly(Browser browser) {
		try {
			browser.close();
		}
		catch (RuntimeException ex) {
			// it crashed or was closed already: nothing left to free
		}
	}

}
