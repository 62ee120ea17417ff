package io.paperboy.community;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.ServerTest;
import io.paperboy.support.SiteInABrowser;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor signs in through the link mailed to the development outbox, comes back to the list and
 * upvotes a paper in a real Chromium: with JavaScript the count changes without a reload, without
 * it the form posts and comes back; either way the vote is still there after a reload.
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class VotingInABrowserTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@RegisterExtension
	static final SiteInABrowser site = new SiteInABrowser();

	@Autowired
	Catalog catalog;

	@BeforeEach
	void onePaperWithSevenUpvotes() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("A paper worth a vote").withUpvotes(7).build(),
				JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2));
	}

	@Test
	void aMemberUpvotesWithoutAReloadAndTheVoteSurvivesOne() {
		List<String> problems;
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			problems = SiteInABrowser.consoleErrors(page);
			page.navigate(site.url("/papers/date/2025-06-02"));
			assertThat(count(page)).isEqualTo("7");

			signIn(page);
			assertThat(page.url()).isEqualTo(site.url("/papers/date/2025-06-02"));
			Locator button = page.locator(".card form.upvote button");
			assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");

			// a reload would forget this
			page.evaluate("window.stillThisPage = true");
			button.click();
			page.waitForCondition(() -> "true".equals(button.getAttribute("aria-pressed")));

			assertThat(count(page)).isEqualTo("8");
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);

			page.reload();
			assertThat(count(page)).isEqualTo("8");
			assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");

			page.evaluate("window.stillThisPage = true");
			button.click();
			page.waitForCondition(() -> "false".equals(button.getAttribute("aria-pressed")));
			assertThat(count(page)).isEqualTo("7");
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);
			page.reload();
			assertThat(count(page)).isEqualTo("7");
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void withoutJavaScriptTheButtonPostsAndComesBackToTheSamePage() {
		try (BrowserContext context = site.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/2506.00001"));
			signIn(page);
			assertThat(page.url()).isEqualTo(site.url("/papers/2506.00001"));

			page.locator("form.upvote button").click();

			assertThat(page.url()).isEqualTo(site.url("/papers/2506.00001"));
			assertThat(count(page)).isEqualTo("8");
			assertThat(page.locator("form.upvote button").getAttribute("aria-pressed")).isEqualTo("true");
		}
	}

	/** From a page, follows the upvote link to sign in, as a new visitor, and comes back. */
	private void signIn(Page page) {
		site.signInAsNewMember(page, "a.upvote", "voter");
	}

	private static String count(Page page) {
		return page.locator(".upvote-count").first().textContent();
	}

}
