package io.paperboy.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.WaitUntilState;
import io.paperboy.support.Chromium;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML part of a digest as a mail program that renders with a browser engine shows it, at
 * 600 pixels (a desktop reading pane) and 375 (a phone), light and dark, photographed into
 * {@code target/digest-screenshots/}.
 */
@Tag("browser")
class DigestInABrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "digest-screenshots");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	@RegisterExtension
	static final Chromium browser = new Chromium();

	private final String html = SampleDigests.messages().message(SampleDigests.digest(), "<browser@papers.example.org>").html();

	@Test
	void atSixHundredPixelsTheDigestFillsTheWidthWithoutScrolling() throws IOException {
		try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(600, 900))) {
			Page page = context.newPage();
			show(page);
			assertThat(overflow(page)).isLessThanOrEqualTo(0);
			assertThat(page.locator("a[href='https://papers.example.org/papers/2506.00001']").innerText())
				.startsWith("Scaling Laws");
			assertThat(page.locator("script").count()).isZero();
			assertPng(screenshot(page, "digest-600-light"));
		}
	}

	@Test
	void atPhoneWidthNothingRunsOffTheRightEdgeEvenALongUnbrokenTitle() throws IOException {
		for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
			try (BrowserContext context = browser
				.newContext(new NewContextOptions().setViewportSize(375, 800).setColorScheme(scheme))) {
				Page page = context.newPage();
				show(page);
				assertThat(overflow(page)).isLessThanOrEqualTo(0);
				assertPng(screenshot(page, "digest-375-" + scheme.name().toLowerCase(java.util.Locale.ROOT)));
			}
		}
	}

	@Test
	void inDarkModeTheCardIsDarkAndTheTextLight() {
		try (BrowserContext context = browser
			.newContext(new NewContextOptions().setViewportSize(600, 900).setColorScheme(ColorScheme.DARK))) {
			Page page = context.newPage();
			show(page);
			assertThat(style(page, "table.card", "backgroundColor")).isEqualTo("rgb(28, 28, 31)");
			assertThat(style(page, "h1", "color")).isEqualTo("rgb(236, 236, 239)");
		}
	}

	/** The HTML part in the page; the machine may be busy, so the wait is generous. */
	private void show(Page page) {
		page.setContent(this.html, new Page.SetContentOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED)
			.setTimeout(120_000));
	}

	private static int overflow(Page page) {
		Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
		return ((Number) overflow).intValue();
	}

	private static String style(Page page, String selector, String property) {
		return (String) page.locator(selector).first().evaluate("(e, p) => getComputedStyle(e)[p]", property);
	}

	private static Path screenshot(Page page, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.deleteIfExists(file);
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setTimeout(120_000));
		return file;
	}

	private static void assertPng(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes.length).isGreaterThan(1000);
		assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
	}

}
