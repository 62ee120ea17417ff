package io.paperboy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.Chromium;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader browses the daily lists in a real Chromium: with and without JavaScript, light and dark, wide and narrow. */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class ReadingInABrowserTests {

	private static final LocalDate FRIDAY = LocalDate.of(2025, 5, 30);

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	private static final String HOSTILE_TITLE = "<script>alert(1)</script> Bounds for $\\alpha$ & <b>friends</b>";

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	MutableClock clock;

	/** Two lists of a week ago: no paper is new any more. */
	@BeforeEach
	void twoDaysOfPapers() {
		this.clock.set(MONDAY.plusDays(7).atTime(12, 0).toInstant(ZoneOffset.UTC));
		User ak = this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.savePaper(TestPapers.paper("2505.00001").withTitle("Friday's paper").build(), FRIDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2505.00001", FRIDAY, ak.id()));
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Quiet paper").withUpvotes(2).build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", MONDAY, ak.id()));
		this.catalog.savePaper(TestPapers.paper("2506.00002")
			.withTitle(HOSTILE_TITLE)
			.withSummary("First line of the abstract\nwrapped by arXiv.")
			.withUpvotes(30)
			.withAuthors("A One", "B Two", "C Three", "D Four", "E Five")
			.build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", MONDAY, ak.id()));
	}

	@Test
	void aReaderGoesFromTheLatestDayToAPaperAndBackADayWithoutJavaScript() {
		try (BrowserContext context = browser.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(url("/papers"));

			assertThat(page.locator(".day-nav h2").textContent()).isEqualTo("Monday, June 2, 2025");
			assertThat(page.locator(".card h3").allTextContents()).containsExactly(HOSTILE_TITLE, "Quiet paper");
			assertThat(page.locator(".card").first().textContent()).contains("+2 more").contains("Submitted by AK");

			page.locator(".card h3 a").first().click();
			assertThat(page.url()).endsWith("/papers/2506.00002");
			assertThat(page.locator("h1").textContent()).isEqualTo(HOSTILE_TITLE);
			assertThat(page.locator(".abstract").textContent()).isEqualTo("First line of the abstract wrapped by arXiv.");
			assertThat(page.locator("pre.bibtex").textContent()).startsWith("@misc{one2024script,\n");
			assertThat(page.locator("button.copy").isVisible()).as("copying needs JavaScript").isFalse();

			page.navigate(url("/papers/date/2025-06-02"));
			page.locator("a[rel=prev]").click();
			assertThat(page.url()).endsWith("/papers/date/2025-05-30");
			assertThat(page.locator(".card h3").allTextContents()).containsExactly("Friday's paper");
		}
	}

	@Test
	void markupInATitleIsShownAsTextAndNeverRuns() {
		AtomicBoolean dialogOpened = new AtomicBoolean();
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.onDialog((dialog) -> {
				dialogOpened.set(true);
				dialog.dismiss();
			});
			page.navigate(url("/papers/2506.00002"));

			assertThat(page.locator("h1").textContent()).isEqualTo(HOSTILE_TITLE);
			assertThat(page.locator("h1 b")).satisfies((bold) -> assertThat(bold.count()).isZero());
			assertThat(dialogOpened).isFalse();
		}
	}

	@Test
	void aReaderCopiesAPapersBibtexWithOneClick() {
		try (BrowserContext context = browser
			.newContext(new NewContextOptions().setPermissions(List.of("clipboard-read", "clipboard-write")))) {
			Page page = context.newPage();
			page.navigate(url("/papers/2506.00002"));

			page.locator("button.copy").click();
			page.waitForFunction("document.querySelector('button.copy').textContent === 'Copied'");

			String copied = (String) page.evaluate("navigator.clipboard.readText()");
			assertThat(copied).isEqualTo(page.locator("pre.bibtex").textContent())
				.startsWith("@misc{one2024script,\n  title = {<script>alert(1)</script> Bounds for $\\alpha$ \\& <b>friends</b>},\n");
		}
	}

	@Test
	void darkModeFollowsTheReadersPreference() {
		try (BrowserContext light = browser.newContext(new NewContextOptions().setColorScheme(ColorScheme.LIGHT));
				BrowserContext dark = browser.newContext(new NewContextOptions().setColorScheme(ColorScheme.DARK))) {
			assertThat(backgroundOf(light)).isEqualTo("rgb(255, 255, 255)");
			assertThat(backgroundOf(dark)).isEqualTo("rgb(13, 17, 23)");
		}
	}

	@Test
	void aPhoneSizedScreenNeedsNoSidewaysScrolling() {
		try (BrowserContext phone = browser.newContext(new NewContextOptions().setViewportSize(360, 740))) {
			Page page = phone.newPage();
			for (String path : List.of("/papers/date/2025-06-02", "/papers/2506.00002", "/authors/A One")) {
				page.navigate(url(path));

				Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
			}
		}
	}

	@Test
	void anUnknownPaperShowsAFriendlyPage() {
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			int status = page.navigate(url("/papers/2506.09999")).status();

			assertThat(status).isEqualTo(404);
			assertThat(page.locator("h1").textContent()).isEqualTo("Not found");
			assertThat(page.locator("main").textContent()).contains("No paper 2506.09999").doesNotContain("Exception");
			assertThat(page.locator("a[href='/papers']").count()).isPositive();
		}
	}

	private String backgroundOf(BrowserContext context) {
		Page page = context.newPage();
		page.navigate(url("/papers"));
		return (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
