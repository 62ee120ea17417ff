package io.paperboy.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for a test class: {@code @RegisterExtension static final Chromium browser
 * = new Chromium();} starts it before the class's tests (skipping them when Chromium is not
 * installed) and closes it after.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.browser = Browser.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	/** A fresh browser context (cookies, viewport, colour scheme) for one scenario. */
	public BrowserContext newContext(NewContextOptions options) {
		return this.browser.newContext(options);
	}

}
