package io.paperboy.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.support.Chromium;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts as a reader sees them in a real Chromium, light and dark: drawn, sized, coloured
 * for the scheme, with their text alternative, and photographed into {@code target/screenshots/}.
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class ChartsInABrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void papersWithVotes() {
		this.clock.set(StatsStorageContract.NOW);
		list("2506.00001", "Attention, step by step", 5, MONDAY, "cs.LG");
		list("2506.00002", "Parsing <b>everything</b>", 3, MONDAY.plusDays(1), "cs.CL");
		list("2506.00003", "Robots at dusk", 1, MONDAY.plusDays(7), "cs.RO");
		vote("2506.00001", "2025-06-03T09:00:00Z", "2025-06-05T10:00:00Z", "2025-06-09T11:00:00Z",
				"2025-06-09T16:00:00Z", "2025-06-10T08:00:00Z");
		vote("2506.00002", "2025-06-04T12:00:00Z", "2025-06-10T13:00:00Z");
	}

	@ParameterizedTest
	@EnumSource(value = ColorScheme.class, names = { "LIGHT", "DARK" })
	void aPapersVoteChartIsDrawnWithItsTextAlternative(ColorScheme scheme) throws IOException {
		try (BrowserContext context = browser.newContext(new NewContextOptions().setColorScheme(scheme))) {
			Page page = context.newPage();
			page.navigate(url("/papers/2506.00001"));

			Locator svg = page.locator("figure.chart svg");
			assertDrawn(svg);
			String sentence = "10 votes: 5 counted when it entered the daily list on Jun 2, 2025, and 5 by members, "
					+ "the latest on Jun 10, 2025.";
			assertThat(svg.getAttribute("role")).isEqualTo("img");
			assertThat(svg.getAttribute("aria-label")).isEqualTo(sentence);
			assertThat(page.locator("figure.chart figcaption").textContent()).isEqualTo(sentence);
			assertThat(page.locator("figure.chart table caption").textContent()).isEqualTo("Votes per day");
			assertThat(page.locator("figure.chart table tbody tr").count()).isEqualTo(5);
			assertThat(colourOf(page, "figure.chart .line", "stroke")).isEqualTo(lineColour(scheme));
			assertThat(colourOf(page, "figure.chart .tick", "fill")).isEqualTo(mutedColour(scheme));

			assertPng(screenshot(page, "paper-chart-" + name(scheme)));
		}
	}

	@ParameterizedTest
	@EnumSource(value = ColorScheme.class, names = { "LIGHT", "DARK" })
	void theStatsPageDrawsItsThreeCharts(ColorScheme scheme) throws IOException {
		try (BrowserContext context = browser.newContext(new NewContextOptions().setColorScheme(scheme))) {
			Page page = context.newPage();
			page.navigate(url("/stats?weeks=2"));

			Locator charts = page.locator("figure.chart svg");
			assertThat(charts.count()).isEqualTo(3);
			for (int i = 0; i < 3; i++) {
				assertDrawn(charts.nth(i));
			}
			assertThat(page.locator("figure.chart figcaption").allTextContents()).containsExactly(
					"3 papers entered the daily lists from Jun 2 to Jun 11, 2025, the most on Jun 2 (1).",
					"16 votes from Jun 2 to Jun 11, 2025: 9 imported with papers as they entered the daily lists and "
							+ "7 cast by members; the most on Jun 2 (5).",
					"The categories with the most votes from Jun 2 to Jun 11, 2025: cs.LG (10), cs.CL (5), cs.RO (1).");
			assertThat(page.locator("figure.chart table")).satisfies((tables) -> assertThat(tables.count()).isEqualTo(3));
			assertThat(page.locator(".ranked-chart .label").allTextContents()).containsExactly("cs.LG", "cs.CL", "cs.RO");
			assertThat(colourOf(page, ".bar-chart .series-1", "fill")).isEqualTo(secondColour(scheme));

			assertPng(screenshot(page, "stats-" + name(scheme)));
		}
	}

	@ParameterizedTest
	@EnumSource(value = ColorScheme.class, names = { "LIGHT" })
	void chartsFitAPhoneSizedScreen(ColorScheme scheme) {
		try (BrowserContext phone = browser.newContext(new NewContextOptions().setColorScheme(scheme).setViewportSize(360, 740))) {
			Page page = phone.newPage();
			for (String path : List.of("/papers/2506.00001", "/stats")) {
				page.navigate(url(path));
				Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
				assertDrawn(page.locator("figure.chart svg").first());
			}
		}
	}

	private static void assertDrawn(Locator svg) {
		assertThat(svg.isVisible()).isTrue();
		BoundingBox box = svg.boundingBox();
		assertThat(box).isNotNull();
		assertThat(box.width).isGreaterThan(100);
		assertThat(box.height).isGreaterThan(10);
	}

	private static String colourOf(Page page, String selector, String property) {
		return (String) page.locator(selector).first().evaluate("(e, p) => getComputedStyle(e)[p]", property);
	}

	private static String lineColour(ColorScheme scheme) {
		return (scheme == ColorScheme.DARK) ? "rgb(88, 166, 255)" : "rgb(11, 87, 208)";
	}

	private static String mutedColour(ColorScheme scheme) {
		return (scheme == ColorScheme.DARK) ? "rgb(145, 152, 161)" : "rgb(89, 99, 110)";
	}

	private static String secondColour(ColorScheme scheme) {
		return (scheme == ColorScheme.DARK) ? "rgb(240, 160, 80)" : "rgb(194, 97, 12)";
	}

	private static Path screenshot(Page page, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.deleteIfExists(file);
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	private static void assertPng(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes.length).isGreaterThan(1000);
		assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
	}

	private static String name(ColorScheme scheme) {
		return scheme.name().toLowerCase(java.util.Locale.ROOT);
	}

	private void list(String id, String title, int upvotes, LocalDate day, String category) {
		this.catalog.savePaper(TestPapers.paper(id).withTitle(title).withUpvotes(upvotes).withCategories(category).build(), day);
		this.catalog.placeOnDailyList(
				new DailyEntry(id, day, day.atTime(12, 0).toInstant(ZoneOffset.UTC), null, null, List.of(), null, null));
	}

	private void vote(String paperId, String... times) {
		MemberVotes.cast(this.jdbc, this.users, paperId, Arrays.stream(times).map(Instant::parse).toArray(Instant[]::new));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
