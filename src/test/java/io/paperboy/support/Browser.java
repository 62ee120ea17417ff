package io.paperboy.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright, for tests of what a
 * person does in a browser. Nothing is downloaded: Playwright's own browser download is switched
 * off, and Chromium's background networking is disabled.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("paperboy.chromium", "/usr/bin/chromium"));

	private final Path home;

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser(Path home, Playwright playwright, com.microsoft.playwright.Browser chromium) {
		this.home = home;
		this.playwright = playwright;
		this.chromium = chromium;
	}

	/** Starts headless Chromium; skips the calling test when Chromium is not installed. */
	public static Browser start() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				() -> "Skipped: no Chromium at " + CHROMIUM + " (CI installs Debian's chromium package)");
		Path home = Files.createTempDirectory("paperboy-browser");
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "XDG_CONFIG_HOME", home.resolve("config").toString(),
					"XDG_CACHE_HOME", home.resolve("cache").toString())));
		com.microsoft.playwright.Browser chromium = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
		return new Browser(home, playwright, chromium);
	}

	/** A fresh browser context (cookies, viewport, colour scheme) for one scenario. */
	public BrowserContext newContext(NewContextOptions options) {
		return this.chromium.newContext(options);
	}

	/** Whether Chromium still runs and answers Playwright. */
	public boolean isConnected() {
		return this.chromium.isConnected();
	}

	@Override
	public void close() {
		this.chromium.close();
		this.playwright.close();
		TestFolders.deleteQuietly(this.home);
	}

}
