package io.paperboy.search;

import java.time.LocalDate;
import java.time.ZoneOffset;

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

/** A reader types a query into the search box of the header, in a real Chromium, and opens a result. */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class SearchingInABrowserTests {

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	IndexSync sync;

	@Autowired
	MutableClock clock;

	/** Two papers of a list of a week ago: neither is new any more. */
	@BeforeEach
	void twoPapers() {
		this.clock.set(DAY.plusDays(7).atTime(12, 0).toInstant(ZoneOffset.UTC));
		this.catalog.savePaper(TestPapers.paper("2506.00001")
			.withTitle("Reward Tampering in Reinforcement Learning Agents")
			.withSummary("Agents that modify their own reward signal.")
			.build(), DAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", DAY));
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("Protein Folding").build(), DAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", DAY));
		this.sync.flush();
	}

	@Test
	void typingInTheHeaderSearchBoxAndPressingEnterShowsTheMatchingPapers() {
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.navigate("http://localhost:" + this.port + "/papers/date/2025-06-02");
			page.getByRole(com.microsoft.playwright.options.AriaRole.SEARCHBOX,
					new Page.GetByRoleOptions().setName("Search papers"))
				.first()
				.fill("reward tampering");
			page.keyboard().press("Enter");
			page.waitForURL("**/papers/search?q=reward+tampering");
			assertThat(page.locator("article.card h3").allInnerTexts())
				.containsExactly("Reward Tampering in Reinforcement Learning Agents");
			assertThat(page.locator("article.card h3 mark").allInnerTexts()).containsExactly("Reward Tampering");
			assertThat(page.locator("input[name=q]").last().inputValue()).isEqualTo("reward tampering");
			page.locator("article.card h3 a").click();
			page.waitForURL("**/papers/2506.00001");
			assertThat(page.locator("h1").innerText()).isEqualTo("Reward Tampering in Reinforcement Learning Agents");
		}
	}

}
