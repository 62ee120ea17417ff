package io.paperboy.library;

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
 * A member saves a paper from its card in a real Chromium: with JavaScript the button turns without
 * a reload, without it the form posts and comes back; either way the paper is in their library.
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class SavingInABrowserTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@RegisterExtension
	static final SiteInABrowser site = new SiteInABrowser();

	@Autowired
	Catalog catalog;

	@BeforeEach
	void onePaperOnTheList() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("A paper worth keeping").build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2));
	}

	@Test
	void aMemberSavesFromACardWithoutAReloadAndFindsThePaperInTheirLibrary() {
		List<String> problems;
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			problems = SiteInABrowser.consoleErrors(page);
			page.navigate(site.url("/papers/date/2025-06-02"));
			signIn(page);
			assertThat(page.url()).isEqualTo(site.url("/papers/date/2025-06-02"));
			Locator button = page.locator(".card form.save button");
			assertThat(button.getAttribute("aria-pressed")).isEqualTo("false");

			// a reload would forget this
			page.evaluate("window.stillThisPage = true");
			button.click();
			page.waitForCondition(() -> "true".equals(button.getAttribute("aria-pressed")));

			assertThat(button.textContent()).isEqualTo("Saved");
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);
			page.navigate(site.url("/library"));
			assertThat(page.locator(".card h3").first().textContent()).contains("A paper worth keeping");
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aMemberUnsavesFromACardAndSavesAndUnsavesFromThePaperPageWithoutAReload() {
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/date/2025-06-02"));
			signIn(page);
			Locator card = page.locator(".card form.save button");
			card.click();
			page.waitForCondition(() -> "true".equals(card.getAttribute("aria-pressed")));
			page.evaluate("window.stillThisPage = true");
			card.click();
			page.waitForCondition(() -> "false".equals(card.getAttribute("aria-pressed")));
			assertThat(card.textContent()).isEqualTo("Save");
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);
			page.navigate(site.url("/library"));
			assertThat(page.locator(".card").count()).isZero();

			page.navigate(site.url("/papers/2506.00001"));
			Locator button = page.locator("form.save button");
			page.evaluate("window.stillThisPage = true");
			button.click();
			page.waitForCondition(() -> "true".equals(button.getAttribute("aria-pressed")));
			assertThat(button.textContent()).isEqualTo("Saved");
			button.click();
			page.waitForCondition(() -> "false".equals(button.getAttribute("aria-pressed")));
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);
			page.navigate(site.url("/library"));
			assertThat(page.locator(".card").count()).isZero();
		}
	}

	@Test
	void withoutJavaScriptTheSaveButtonPostsAndComesBackToTheSamePage() {
		try (BrowserContext context = site.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/2506.00001"));
			signIn(page);
			assertThat(page.url()).isEqualTo(site.url("/papers/2506.00001"));

			page.locator("form.save button").click();

			assertThat(page.url()).isEqualTo(site.url("/papers/2506.00001"));
			assertThat(page.locator("form.save button").getAttribute("aria-pressed")).isEqualTo("true");
			page.navigate(site.url("/library"));
			assertThat(page.locator(".card h3").first().textContent()).contains("A paper worth keeping");

			page.navigate(site.url("/papers/date/2025-06-02"));
			page.locator(".card form.save button").click();
			assertThat(page.url()).isEqualTo(site.url("/papers/date/2025-06-02"));
			assertThat(page.locator(".card form.save button").textContent()).isEqualTo("Save");
		}
	}

	/** From a page, follows the save link to sign in, as a new visitor, and comes back. */
	private void signIn(Page page) {
		site.signInAsNewMember(page, "a.save", "saver");
	}

}
