package io.paperboy.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.paperboy.support.Chromium;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new member signs in on a fresh install with no mail server: the link is read from the server's
 * log, as the README tells an operator to do.
 */
@Tag("browser")
@ServerTest
@ExtendWith({ EmptyCatalog.class, OutputCaptureExtension.class })
class SigningInInABrowserTests {

	private static final Pattern LOGGED_LINK = Pattern
		.compile("the sign-in link for grace@example.org is kept at /admin/mail and is (\\S+)");

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Test
	void aNewMemberSignsInWithTheLinkFromTheLogAndComesBackToThePageTheyWereOn(CapturedOutput log) {
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

			// the operator of a fresh install reads the link in the server's log
			Matcher logged = LOGGED_LINK.matcher(log.getOut());
			assertThat(logged.find()).as("the sign-in link in the log").isTrue();
			URI mailed = URI.create(logged.group(1));
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
