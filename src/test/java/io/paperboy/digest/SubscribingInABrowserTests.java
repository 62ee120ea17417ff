package io.paperboy.digest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.paperboy.mail.DevMailbox;
import io.paperboy.mail.KeptMail;
import io.paperboy.support.Chromium;
import io.paperboy.support.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor subscribes from the footer of a page, confirms from the mailed link, chooses what
 * they get, and leaves, in a real Chromium, with no mail server (the link is read from the
 * development outbox).
 */
@Tag("browser")
@ServerTest
class SubscribingInABrowserTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	DevMailbox outbox;

	@Autowired
	SubscriptionRepository subscriptions;

	@Test
	void aVisitorSubscribesFromTheFooterConfirmsChoosesTopicsAndLeaves() {
		List<String> policyViolations = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(375, 800))) {
			Page page = context.newPage();
			page.setDefaultTimeout(60_000);
			page.onConsoleMessage((message) -> {
				if (message.text().contains("Content Security Policy")) {
					policyViolations.add(message.text());
				}
			});
			page.navigate(url("/papers/trending"));
			page.locator("#digest-subscribe-email").fill("lin@example.org");
			page.locator("form.digest-subscribe button").click();
			assertThat(page.locator("main").textContent()).contains("Check your inbox");

			KeptMail confirmation = this.outbox.to("lin@example.org").get(0);
			page.navigate(url(pathOf(confirmation.text(), "/digest/confirm/")));
			page.locator("form.stacked button").click();
			assertThat(page.locator("main").textContent()).contains("You're subscribed");

			page.locator("input[name=cadence][value=weekly]").check();
			page.locator("#digest-weekday").selectOption("FRIDAY");
			page.locator("#digest-hour").selectOption("7");
			page.locator("#digest-zone").fill("Asia/Tokyo");
			page.locator("#digest-categories").fill("cs.RO, cs.LG");
			page.locator("#digest-keywords").fill("world models\nsim-to-real");
			page.locator("form.digest-preferences button").click();
			assertThat(page.locator("main").textContent()).contains("Saved.");
			assertThat(page.locator("#digest-zone").inputValue()).isEqualTo("Asia/Tokyo");
			assertThat(page.locator("#digest-keywords").inputValue()).isEqualTo("world models\nsim-to-real");
			Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(java.nio.file.Path.of("target", "digest-screenshots", "preferences-375.png"))
				.setFullPage(true));

			page.locator("a", new Page.LocatorOptions().setHasText("Unsubscribe")).click();
			page.locator("form.stacked button").click();
			assertThat(page.locator("h1").textContent()).isEqualTo("You're unsubscribed");
		}
		Subscription subscription = this.subscriptions.findByEmail("lin@example.org").orElseThrow();
		assertThat(subscription.status()).isEqualTo(Status.UNSUBSCRIBED);
		assertThat(subscription.preferences().cadence()).isEqualTo(Cadence.WEEKLY);
		assertThat(subscription.preferences().categories()).containsExactly("cs.RO", "cs.LG");
		assertThat(policyViolations).isEmpty();
	}

	private static String pathOf(String text, String prefix) {
		int start = text.indexOf(prefix);
		int end = start;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return URI.create(text.substring(start, end)).getRawPath();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
