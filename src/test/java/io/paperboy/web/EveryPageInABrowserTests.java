package io.paperboy.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.ColorScheme;
import io.paperboy.account.Accounts;
import io.paperboy.account.Role;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.mail.DevMailbox;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.Chromium;
import io.paperboy.support.ChromiumThread;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every page type, in a real Chromium, at a phone's width (390 px), a small laptop's (1024 px) and
 * a desktop's (1440 px), light and dark, signed out and signed in (as an administrator with a long
 * display name): axe-core finds no WCAG 2 A/AA violation, the header stays within its height, a
 * phone never scrolls sideways, and a full-page screenshot of each is kept in
 * {@code target/screenshots/<page>-<width>-<scheme>-<in|out>.png}.
 */
@Tag("browser")
@ServerTest
@TestInstance(Lifecycle.PER_CLASS)
class EveryPageInABrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The rules axe-core runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
	private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	/** The height in CSS pixels of the smallest text of the page's charts, or null when it has none. */
	private static final String SMALLEST_CHART_LABEL = """
			() => {
			  let smallest = null;
			  for (const text of document.querySelectorAll('svg text')) {
			    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
			    smallest = (smallest === null) ? size : Math.min(smallest, size);
			  }
			  return smallest;
			}""";

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	/** The administrator's username, as the site makes one up at a first sign-in. */
	private static final String USERNAME = "member-180beeb6c149";

	/** Long enough to need truncating in the header of every width. */
	private static final String DISPLAY_NAME = "Bartholomew Featherstonehaugh-Cholmondeley of the Long Name";

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@RegisterExtension
	static final ChromiumThread second = new ChromiumThread();

	/** The path of a digest's preferences page. */
	private String preferencesPath;

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	Accounts accounts;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	/**
	 * Every page type a person meets, by name (the screenshot's file name), path, and whether only a
	 * member sees it. A new page type gets a line here.
	 */
	private List<PageType> pageTypes() {
		return List.of(new PageType("day", "/papers/date/2025-06-02", 200, false),
				new PageType("week", "/papers/week/2025-W23", 200, false),
				new PageType("month", "/papers/month/2025-06", 200, false),
				new PageType("trending", "/papers/trending", 200, false),
				new PageType("arxiv", "/papers/arxiv", 200, false),
				new PageType("paper", "/papers/2506.00001", 200, false),
				new PageType("author", "/authors/A%20One", 200, false),
				new PageType("search", "/papers/search?q=reward", 200, false),
				new PageType("stats", "/stats", 200, false), new PageType("submit", "/submit", 200, false),
				new PageType("signin", "/signin", 200, false), new PageType("api", "/docs/api", 200, false), new PageType("profile", "/u/" + USERNAME, 200, false),
				new PageType("settings", this.preferencesPath, 200, false),
				new PageType("welcome", "/welcome", 200, true),
				new PageType("for-you", "/papers/for-you", 200, true), new PageType("library", "/library", 200, true),
				new PageType("signals", "/settings/signals", 200, true), new PageType("account", "/settings/account", 200, true),
				new PageType("admin", "/admin", 200, true),
				new PageType("not-found", "/papers/2506.09999", 404, false));
	}

	/**
	 * Each width, scheme and visitor; {@code -Dpaperboy.views=390-dark} keeps only the views whose
	 * name ({@code <width>-<scheme>-<in|out>}) contains one of the comma-separated words given.
	 */
	static Stream<Arguments> views() {
		List<String> only = List.of(System.getProperty("paperboy.views", "").split(","));
		List<Arguments> views = new ArrayList<>();
		for (int width : new int[] { 390, 1024, 1440 }) {
			for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
				for (boolean signedIn : new boolean[] { false, true }) {
					String name = view(width, scheme, signedIn);
					if (only.stream().anyMatch(name::contains)) {
						views.add(Arguments.of(width, scheme, signedIn));
					}
				}
			}
		}
		return views.stream();
	}

	private static String view(int width, ColorScheme scheme, boolean signedIn) {
		return width + "-" + scheme.name().toLowerCase(Locale.ROOT) + "-" + (signedIn ? "in" : "out");
	}

	/**
	 * A week of lists a week ago, with three- and four-digit vote counts, long titles and many
	 * authors; an administrator with a long name; a confirmed digest subscription. Made once for the
	 * class: its tests only read.
	 */
	@BeforeAll
	void aWeekOfPapers() throws Exception {
		CatalogTables.empty(this.jdbc, this.events);
		aWeekLater();
		User ak = this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.savePaper(TestPapers.paper("2506.00001")
			.withTitle("Reward Tampering in Reinforcement Learning Agents, and What to Do About It at Scale")
			.withSummary("Agents that modify their own reward signal.")
			.withUpvotes(1234)
			.withComments(12)
			.withAuthors("A One", "B Two", "C Three", "D Four", "E Five", "F Six", "G Seven")
			.withCategories("cs.LG", "cs.AI")
			.withGithub("example/reward-tampering", 4321)
			.build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", MONDAY, ak.id()));
		this.catalog.savePaper(TestPapers.paper("2506.00002")
			.withTitle("Protein Folding with Fewer Parameters")
			.withUpvotes(987)
			.withCategories("q-bio.BM")
			.build(), MONDAY.plusDays(1));
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", MONDAY.plusDays(1)));
		this.catalog.savePaper(TestPapers.paper("2506.00003").withTitle("Quiet paper").withUpvotes(3).build(),
				MONDAY.plusDays(2));
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00003", MONDAY.plusDays(2)));
		TestMembers.member(this.accounts, USERNAME, DISPLAY_NAME, Role.ADMIN);
		this.preferencesPath = confirmedSubscription("reader-" + System.nanoTime() + "@example.org");
		WebSession visitor = new WebSession(this.port);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> visitor.get("/papers/search?q=reward").body().contains("href=\"/papers/2506.00001\""));
	}

	/** Every test sees the site a week after the lists ({@code @ServerTest} sets the clock back before each). */
	@BeforeEach
	void aWeekLater() {
		this.clock.set(MONDAY.plusDays(7).atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

	@ParameterizedTest(name = "{0} px, {1}, signed in: {2}")
	@MethodSource("views")
	void everyPageTypeIsAccessibleAndFitsTheScreen(int width, ColorScheme scheme, boolean signedIn) throws Exception {
		// a session for each browser: two first requests of one session at once would race to store its CSRF token
		Cookie session = signedIn ? signIn() : null;
		Cookie secondSession = signedIn ? signIn() : null;
		List<PageType> shown = pageTypes().stream().filter((type) -> signedIn || !type.membersOnly()).toList();
		// every other page in the second browser, at the same time: one lays out or runs axe while the other waits
		CompletableFuture<List<String>> inTheSecond = second.start(
				(chromium) -> checkPages(chromium::newContext, everyOther(shown, 1), width, scheme, secondSession));
		List<String> problems = new ArrayList<>(
				checkPages(browser::newContext, everyOther(shown, 0), width, scheme, session));
		problems.addAll(inTheSecond.join());
		// one line per problem, every page's at once: a run shows all there is to fix
		problems.forEach(System.out::println);
		assertThat(problems).isEmpty();
	}

	/** The problems of these pages in one view, each page opened in turn in one browser context. */
	private List<String> checkPages(Function<NewContextOptions, BrowserContext> newContext, List<PageType> types,
			int width, ColorScheme scheme, Cookie session) {
		List<String> problems = new ArrayList<>();
		String view = view(width, scheme, session != null);
		try (BrowserContext context = newContext
			.apply(new NewContextOptions().setViewportSize(width, 844).setColorScheme(scheme))) {
			if (session != null) {
				context.addCookies(List.of(session));
			}
			Page page = context.newPage();
			for (PageType type : types) {
				String name = type.name() + "-" + view;
				problems.addAll(checkPage(page, type, name, width, scheme, session != null));
			}
		}
		return problems;
	}

	private List<String> checkPage(Page page, PageType type, String name, int width, ColorScheme scheme,
			boolean signedIn) {
		List<String> problems = new ArrayList<>();
		Response response = page.navigate(url(type.path()));
		if (response.status() != type.status()) {
			problems.add(name + ": status " + response.status() + " at " + page.url());
		}
		if (signedIn && width >= 1024 && !page.locator(".site-header a.me").isVisible()) {
			problems.add(name + ": the header does not show who is signed in");
		}
		if (checksAccessibility(width, scheme)) {
			problems.addAll(violations(page).stream()
				.map((violation) -> name + ": " + violation)
				.toList());
		}
		double header = ((Number) page
			.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")).doubleValue();
		double limit = (width < 1024) ? 100 : 72;
		if (header > limit) {
			problems.add(name + ": the header is " + header + " px tall, more than " + limit);
		}
		if (page.locator(".site-header").evaluate("(e) => e.scrollWidth > e.clientWidth").equals(true)) {
			problems.add(name + ": the header is wider than the screen");
		}
		if (signedIn && width >= 1024 && page.locator(".site-header a.me").boundingBox().width < 50) {
			problems.add(name + ": the member's name is cut to less than 50 px");
		}
		Number label = (Number) page.evaluate(SMALLEST_CHART_LABEL);
		if (label != null && label.doubleValue() < 11) {
			problems.add(name + ": a chart label is " + label + " px tall, less than 11");
		}
		if (width < 1024) {
			Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			if (overflow.intValue() > 0) {
				problems.add(name + ": scrolls sideways by " + overflow + " px");
			}
		}
		if (scheme == ColorScheme.LIGHT || width == 1440) {
			screenshot(page, name);
		}
		return problems;
	}

	/** The pages at {@code first}, {@code first + 2}, ...: one browser's share of a view. */
	private static List<PageType> everyOther(List<PageType> types, int first) {
		List<PageType> share = new ArrayList<>();
		for (int i = first; i < types.size(); i += 2) {
			share.add(types.get(i));
		}
		return share;
	}

	/**
	 * axe-core runs on every page type in light and dark, signed in and out, at 1440 px, and again
	 * on a phone (390 px, light), whose layout differs; 1024 px shows the wide layout of 1440 px
	 * and is checked for fit only. axe takes most of a view's time.
	 */
	private static boolean checksAccessibility(int width, ColorScheme scheme) {
		return width == 1440 || (width == 390 && scheme == ColorScheme.LIGHT);
	}

	@Test
	void onAPhoneTheMenuOpensFromTheKeyboardWithoutJavaScript() throws IOException {
		try (BrowserContext phone = browser
			.newContext(new NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false))) {
			Page page = phone.newPage();
			page.navigate(url("/papers/date/2025-06-02"));
			Locator weekly = page.locator(".site-header a[href='/papers/week']");
			assertThat(weekly.isVisible()).isFalse();

			page.locator(".site-menu > summary").focus();
			page.keyboard().press("Enter");
			assertThat(weekly.isVisible()).isTrue();
			assertThat(page.locator(".site-header").getByText("Sign in").isVisible()).isTrue();
			screenshot(page, "menu-390-light-out");
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Daily");
			page.keyboard().press("Tab");
			page.keyboard().press("Enter");
			page.waitForURL((address) -> address.contains("/papers/week"));
			assertThat(page.locator("h1").textContent()).isEqualTo("Weekly papers");
		}
	}

	@Test
	void fromALaptopsWidthTheHeaderIsOneRowAndALongNameIsCutWithTheWholeNameInItsTitle() throws Exception {
		try (BrowserContext laptop = browser.newContext(new NewContextOptions().setViewportSize(1024, 768))) {
			laptop.addCookies(List.of(signIn()));
			Page page = laptop.newPage();
			page.navigate(url("/papers/date/2025-06-02"));
			Locator name = page.locator(".site-header a.me");

			assertThat(page.locator(".site-menu > summary").isVisible()).isFalse();
			assertThat(name.getAttribute("title")).isEqualTo(DISPLAY_NAME);
			assertThat(name.evaluate("(e) => e.scrollWidth > e.clientWidth")).isEqualTo(true);
			double brandTop = page.locator(".site-header .brand").boundingBox().y;
			for (String link : List.of("New on arXiv", "Stats", "API", "Submit a paper", "Admin", "Sign out")) {
				Locator item = page.locator(".site-header").getByText(link, new Locator.GetByTextOptions().setExact(true));
				assertThat(item.isVisible()).as(link).isTrue();
				assertThat(item.boundingBox().y).as(link).isCloseTo(brandTop, org.assertj.core.data.Offset.offset(24.0));
			}
			Locator library = page.locator(".member-links").getByText("Library");
			assertThat(library.isVisible()).as("the member's pages wait behind the ▾").isFalse();
			page.locator(".member-menu > summary").click();
			assertThat(library.isVisible()).isTrue();
			assertThat(page.locator(".member-links").getByText("Digest settings").isVisible()).isTrue();
		}
	}

	@Test
	void axeCoreNamesTheRuleAndTheElementOfAViolation() {
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.setContent("<!DOCTYPE html><html lang=\"en\"><title>Bad</title><main><img src=\"chart.png\"></main></html>");

			assertThat(violations(page)).singleElement()
				.satisfies((violation) -> assertThat(violation).startsWith("image-alt").contains("[img]"));
		}
	}

	/**
	 * axe-core's WCAG A and AA violations on the page, one line per element. axe runs in the page
	 * itself ({@code legacyMode}: the page has no frames of other origins to reach), so a check costs
	 * one injection of its script and no page of its own to combine frames' results; and it reports
	 * the elements of violations only, not of each rule that passed.
	 */
	private static List<String> violations(Page page) {
		AxeRunOptions options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		AxeResults results = new AxeBuilder(page).options(options).withTags(WCAG_A_AA).setLegacyMode(true).analyze();
		if (results.isErrored() || results.getPasses().isEmpty()) {
			return List.of("axe-core did not run: " + results.getErrorMessage());
		}
		List<Rule> violations = results.getViolations();
		List<String> lines = new ArrayList<>();
		for (Rule rule : violations) {
			rule.getNodes()
				.forEach((node) -> lines.add(rule.getId() + " (" + rule.getHelp() + ") at " + node.getTarget() + ": "
						+ node.getFailureSummary().replace('\n', ' ')));
		}
		return lines;
	}

	/** Signs the administrator in over HTTP: the session's cookie, for a browser context. */
	private Cookie signIn() throws IOException, InterruptedException {
		WebSession session = new WebSession(this.port);
		session.signIn(this.mailbox, USERNAME + "@example.org", USERNAME);
		return new Cookie("PAPERBOY_SESSION", session.sessionId()).setUrl(url("/"));
	}

	/** Subscribes to the digest, confirms from the mailed link, and answers the preferences page's path. */
	private String confirmedSubscription(String address) throws IOException, InterruptedException {
		WebSession session = new WebSession(this.port);
		// the digest's forms carry no CSRF token: they work from a mail client's browser, signed out
		session.post("/subscribe", Map.of("email", address));
		String mail = this.mailbox.to(address).get(0).text();
		int start = mail.indexOf("/digest/confirm/");
		String confirm = URI.create(mail.substring(start).split("\\s", 2)[0]).getRawPath();
		HttpResponse<String> confirmed = session.post(confirm, Map.of());
		return WebSession.location(confirmed).orElseThrow();
	}

	private static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** A page type: its name in screenshots, a path showing it, its status, whether only members see it. */
	private record PageType(String name, String path, int status, boolean membersOnly) {
	}

}
