package io.paperboy.web;

import java.time.Instant;
import java.time.LocalDate;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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

/** A reader browses by day, week and month in a real Chromium, without JavaScript. */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class BrowsingPeriodsInABrowserTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	MutableClock clock;

	/** Week 21 has a paper, week 22 none, week 23 two; it is Wednesday evening of week 23. */
	@BeforeEach
	void threeWeeksOneOfThemEmpty() {
		this.clock.set(Instant.parse("2025-06-04T18:00:00Z"));
		list("2505.00001", "A paper from May", LocalDate.of(2025, 5, 21), 9);
		list("2506.00001", "Tuesday's paper", LocalDate.of(2025, 6, 3), 5);
		list("2506.00002", "Best of the week", LocalDate.of(2025, 6, 4), 30);
	}

	@Test
	void aReaderOpensTheWeeklyTabGoesBackAWeekThenOpensTheMonthlyTab() {
		try (BrowserContext context = browser.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(url("/papers"));
			assertThat(page.locator("nav.tabs a[aria-current=page]").textContent()).isEqualTo("Daily");

			page.locator("nav.tabs").getByText("Weekly").click();
			assertThat(page.url()).endsWith("/papers/week/2025-W23");
			assertThat(page.locator("nav.tabs a[aria-current=page]").textContent()).isEqualTo("Weekly");
			assertThat(page.locator(".period-nav h2").textContent()).isEqualTo("Week 23, 2025 · Jun 2 – Jun 8");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("Best of the week", "Tuesday's paper");
			assertThat(page.locator(".card").first().locator(".badge-new").isVisible()).isTrue();
			assertThat(page.locator(".badge-new").count()).isEqualTo(1);

			page.getByText("← Previous week").click();
			assertThat(page.url()).endsWith("/papers/week/2025-W21");
			assertThat(page.locator(".period-nav h2").textContent()).isEqualTo("Week 21, 2025 · May 19 – May 25");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("A paper from May");
			assertThat(page.locator("a[rel=next]").getAttribute("href")).isEqualTo("/papers/week/2025-W23");

			page.locator("nav.tabs").getByText("Monthly").click();
			assertThat(page.url()).endsWith("/papers/month/2025-06");
			assertThat(page.locator("nav.tabs a[aria-current=page]").textContent()).isEqualTo("Monthly");
			assertThat(page.locator(".period-nav h2").textContent()).isEqualTo("June 2025");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("Best of the week", "Tuesday's paper");

			page.getByText("← Previous month").click();
			assertThat(page.url()).endsWith("/papers/month/2025-05");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("A paper from May");
		}
	}

	@Test
	void aReaderPagesThroughABusyMonthAndReadsAWeekOnAPhoneWithoutScrollingSideways() {
		for (int i = 1; i <= 55; i++) {
			list(String.format("2504.%05d", i), "April paper " + i, LocalDate.of(2025, 4, 1 + i % 30), i);
		}
		try (BrowserContext phone = browser.newContext(new NewContextOptions().setViewportSize(360, 740))) {
			Page page = phone.newPage();
			page.navigate(url("/papers/month/2025-04"));
			assertThat(page.locator(".card")).satisfies((cards) -> assertThat(cards.count()).isEqualTo(50));
			assertThat(page.locator(".pager").textContent()).contains("Page 1 of 2");
			assertThat(overflow(page)).isLessThanOrEqualTo(0);

			page.getByText("Page 2 →").click();
			assertThat(page.url()).endsWith("/papers/month/2025-04?p=2");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("April paper 5", "April paper 4",
					"April paper 3", "April paper 2", "April paper 1");
			assertThat(overflow(page)).isLessThanOrEqualTo(0);

			page.navigate(url("/papers/week/2025-W23"));
			assertThat(page.locator(".period-nav h2").textContent()).isEqualTo("Week 23, 2025 · Jun 2 – Jun 8");
			assertThat(overflow(page)).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void aReaderOnAPhoneChoosesADayWithoutPapersAndLandsOnTheNearestEarlierOne() {
		try (BrowserContext phone = browser.newContext(
				new NewContextOptions().setViewportSize(390, 844).setJavaScriptEnabled(false))) {
			Page page = phone.newPage();
			page.navigate(url("/papers"));
			assertThat(page.locator(".day-nav h2").textContent()).isEqualTo("Wednesday, June 4, 2025");
			assertThat(page.locator(".day-choice").isVisible()).isTrue();
			assertThat(overflow(page)).isLessThanOrEqualTo(0);

			page.getByLabel("Go to a day").fill("2025-06-01");
			page.locator(".day-choice button").click();

			assertThat(page.url()).endsWith("/papers/date/2025-05-21");
			assertThat(page.locator(".day-nav h2").textContent()).isEqualTo("Wednesday, May 21, 2025");
			assertThat(page.locator(".card h3 a").allTextContents()).containsExactly("A paper from May");
			assertThat(page.getByText("Latest").getAttribute("href")).isEqualTo("/papers");
			assertThat(overflow(page)).isLessThanOrEqualTo(0);
		}
	}

	private static int overflow(Page page) {
		Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
		return ((Number) overflow).intValue();
	}

	private void list(String id, String title, LocalDate day, int upvotes) {
		this.catalog.savePaper(TestPapers.paper(id).withTitle(title).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
