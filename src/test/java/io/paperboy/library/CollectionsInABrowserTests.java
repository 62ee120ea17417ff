package io.paperboy.library;

import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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
 * A member makes a collection in a real Chromium: creates it, adds a saved paper from the library,
 * writes a note, makes it public; a visitor who is not signed in then reads it at its public address,
 * which answered 404 while it was private.
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class CollectionsInABrowserTests {

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
	void aCollectionWithANoteMadePublicIsReadBySomeoneSignedOut() {
		String username;
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/2506.00001"));
			username = site.signInAsNewMember(page, "a.save", "collector");
			page.locator("form.save button").click();
			page.waitForCondition(() -> "true".equals(page.locator("form.save button").getAttribute("aria-pressed")));

			page.navigate(site.url("/library/collections"));
			page.locator(".collection-form input[name=name]").fill("Reading group");
			page.locator(".collection-form button[type=submit]").click();
			assertThat(page.locator("h1").textContent()).isEqualTo("Reading group");

			page.navigate(site.url("/library"));
			page.locator("form.add-to-collection button").click();
			assertThat(page.url()).isEqualTo(site.url("/library"));

			page.navigate(site.url("/library/collections"));
			page.locator("ul.collections a").first().click();
			page.locator(".note-form textarea[name=note]").fill("Read section 3 first.");
			page.locator(".note-form button", new Page.LocatorOptions().setHasText("Save note")).click();
			assertThat(page.locator(".note-form textarea[name=note]").inputValue()).isEqualTo("Read section 3 first.");

			try (BrowserContext signedOut = site.newContext()) {
				assertThat(signedOut.newPage().navigate(site.url(publicPath(username))).status()).isEqualTo(404);
			}

			page.locator("details.collection-settings summary").click();
			page.locator(".collection-form input[name=isPublic]").check();
			page.locator(".collection-form button[type=submit]").click();
			assertThat(page.locator(".hero .muted").textContent()).contains("public");
		}
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			Response response = page.navigate(site.url(publicPath(username)));

			assertThat(response.status()).isEqualTo(200);
			assertThat(page.locator("h1").textContent()).isEqualTo("Reading group");
			assertThat(page.locator(".card h3").textContent()).contains("A paper worth keeping");
			assertThat(page.locator("p.note").textContent()).isEqualTo("Note: Read section 3 first.");
			assertThat(page.locator("a.save").count()).isEqualTo(1);
		}
	}

	private static String publicPath(String username) {
		return "/u/" + username + "/collections/reading-group";
	}

}
