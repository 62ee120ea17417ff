package io.paperboy.community;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.paperboy.account.Accounts;
import io.paperboy.account.Role;
import io.paperboy.mail.DevMailbox;
import io.paperboy.support.Browser;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.SharedArxivServer;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.paperboy.ingest.arxiv.HandMadeFeeds.entry;
import static io.paperboy.ingest.arxiv.HandMadeFeeds.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium, with no mail server and a local server playing arXiv: a member signs in by the
 * mailed link, submits a paper by its address and finds it on today's list; a curator hides it.
 * Today is 2025-06-02 ({@link MutableClock.Configuration}).
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class SubmittingInABrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	DevMailbox mailbox;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void emptyCatalogAndArxivWithOnePaper() {
		SharedArxivServer.get().when((request) -> "2506.00042".equals(request.parameter("id_list")))
			.thenRespond(200, Map.of("Content-Type", "application/atom+xml"),
					page(1, 0, entry("2506.00042", 1, "2025-06-01T09:00:00Z")));
	}

	@Test
	void aMemberSubmitsAPaperByItsAddressAndACuratorHidesIt() {
		this.accounts.grant("grace@example.org", Role.CURATOR);
		try (BrowserContext member = browser.newContext(new NewContextOptions());
				BrowserContext curator = browser.newContext(new NewContextOptions());
				BrowserContext anonymous = browser.newContext(new NewContextOptions())) {
			Page ada = member.newPage();
			ada.navigate(url("/submit"));
			signIn(ada, "ada@example.org", "ada", "Ada Lovelace");
			assertThat(ada.url()).endsWith("/submit");

			ada.locator("#submit-paper").fill("https://arxiv.org/abs/2506.00042v1");
			ada.locator("form[action='/submit'] button[type=submit]").click();
			assertThat(ada.locator(".notice").textContent()).contains("Submitted:")
				.contains("Paper 2506.00042")
				.contains("is on the list of 2025-06-02");
			ada.locator(".notice a", new Page.LocatorOptions().setHasText("See the list")).click();
			assertThat(ada.url()).endsWith("/papers/date/2025-06-02");
			assertThat(ada.locator(".card h3").allTextContents()).singleElement()
				.satisfies((title) -> assertThat(title).startsWith("Paper 2506.00042"));
			assertThat(ada.locator(".card .meta").textContent()).contains("Submitted by Ada Lovelace");

			Page grace = curator.newPage();
			grace.navigate(url("/papers/2506.00042"));
			grace.locator(".site-header a", new Page.LocatorOptions().setHasText("Sign in")).click();
			signIn(grace, "grace@example.org", "grace", "Grace Hopper");
			assertThat(grace.url()).endsWith("/papers/2506.00042");
			grace.locator(".curation button", new Page.LocatorOptions().setHasText("Hide")).click();
			assertThat(grace.url()).endsWith("/papers/2506.00042");
			assertThat(grace.locator(".curation").textContent()).contains("hidden from it");

			for (Page reader : List.of(ada, grace, anonymous.newPage())) {
				reader.navigate(url("/papers/date/2025-06-02"));
				assertThat(reader.locator(".card").count()).isZero();
			}
		}
	}

	/** Signs in from the sign-in page the browser is on, by the link in the development outbox. */
	private void signIn(Page page, String address, String username, String displayName) {
		page.locator("#signin-address").fill(address);
		page.locator("form[action='/signin/link'] button[type=submit]").click();
		page.waitForURL("**/signin/sent**");
		page.navigate(url(WebSession.newestLink(this.mailbox, address)));
		page.locator("form[action='/signin/token'] button[type=submit]").click();
		page.locator("#welcome-username").fill(username);
		page.locator("#welcome-name").fill(displayName);
		page.locator("form[action='/welcome'] button[type=submit]").click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
