package io.paperboy.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.paperboy.support.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new member signs in on a fresh install with no mail server: the link is read from the outbox,
 * as the README tells an operator to do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningInInABrowserTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Test
	void aNewMemberSignsInWithTheLinkFromTheOutboxAndComesBackToThePageTheyWereOn() {
		List<String> policyViolations = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.onConsoleMessage((message) -> {
				if (message.text().contains("Content Security Policy")) {
					policyViolations.add(message.text());
				}
			});
			page.navigate(url("/papers/trending"));
			page.locator("nav.account a", new Page.LocatorOptions().setHasText("Sign in")).click();
			page.locator("#signin-address").fill("grace@example.org");
			page.locator("form.stacked button").click();
			assertThat(page.locator("h1").textContent()).isEqualTo("Check your inbox");

			page.locator("a[href='/admin/mail']").click();
			page.locator("a", new Page.LocatorOptions().setHasText("Your Paperboy sign-in link")).first().click();
			String link = page.locator("pre.mail-text a").first().getAttribute("href");
			URI mailed = URI.create(link);
			page.navigate(url(mailed.getRawPath() + "?" + mailed.getRawQuery()));
			page.locator("form.stacked button").click();

			assertThat(page.url()).contains("/welcome");
			page.locator("#welcome-username").fill("grace");
			page.locator("#welcome-name").fill("Grace Hopper");
			page.locator("form.stacked button").click();

			assertThat(page.url()).endsWith("/papers/trending");
			assertThat(page.locator("nav.account .me").textContent()).isEqualTo("Grace Hopper");
			page.reload();
			assertThat(page.locator("nav.account .me").textContent()).isEqualTo("Grace Hopper");

			page.locator("nav.account button", new Page.LocatorOptions().setHasText("Sign out")).click();
			assertThat(page.locator("nav.account").textContent()).contains("Sign in").doesNotContain("Grace Hopper");
		}
		assertThat(policyViolations).isEmpty();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
