package io.paperboy.community;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.mail.DevMailbox;
import io.paperboy.support.Chromium;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.ServerTest;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members comment in a real Chromium: signed in by the link from the development outbox, they post
 * an attacker's payload that shows as text and runs nothing, reply to it, and a curator hides it.
 */
@Tag("browser")
@ServerTest
@ExtendWith(EmptyCatalog.class)
class CommentingInABrowserTests {

	@RegisterExtension
	static final Chromium browser = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	DevMailbox mailbox;

	@BeforeEach
	void aPaperAndTwoMembers() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Attention again").build(), LocalDate.of(2025, 6, 2));
		Member ada = this.accounts.loadUserByUsername("ada@example.org");
		this.accounts.chooseProfile(ada.id(), "ada", "Ada Lovelace");
		this.accounts.chooseProfile(this.accounts.grant("grace@example.org", Role.CURATOR).id(), "grace", "Grace Hopper");
	}

	@Test
	void aMemberPostsAScriptPayloadThatShowsAsTextThenRepliesToItAndACuratorHidesIt() {
		List<String> dialogs = new CopyOnWriteArrayList<>();
		String payload = "<script>alert('xss')</script> \"><img src=x onerror=alert(1)> [click me](javascript:alert(2))";
		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.onDialog((dialog) -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});
			page.navigate(url("/papers/2506.00001"));
			page.locator("#comments").getByText("Sign in").click();
			signIn(page, "ada@example.org");
			assertThat(page.url()).endsWith("/papers/2506.00001");

			page.locator("#new-comment").fill(payload);
			page.getByText("Post comment").click();

			assertThat(page.url()).matches(".*/papers/2506\\.00001#comment-\\d+");
			Locator comment = page.locator("article.comment").first();
			assertThat(comment.locator(".comment-body").textContent()).contains(payload.substring(0, 70))
				.contains("[click me](javascript:alert(2))");
			assertThat(comment.locator(".comment-body img").count()).isZero();
			assertThat(comment.locator(".comment-body a").count()).isZero();
			assertThat(comment.locator(".comment-author").textContent()).isEqualTo("Ada Lovelace");

			comment.locator("xpath=ancestor::li[contains(@class,'comment-thread')]").locator("summary", new Locator.LocatorOptions().setHasText("Reply")).click();
			page.locator("textarea[id^=reply-]").fill("Replying to *myself*, [safely](https://example.org).");
			page.locator("form[action='/comments'] button", new Page.LocatorOptions().setHasText("Reply")).click();

			Locator reply = page.locator(".comment-replies article.comment");
			assertThat(reply.count()).isEqualTo(1);
			assertThat(reply.locator("em").textContent()).isEqualTo("myself");
			assertThat(reply.locator("a[href='https://example.org']").getAttribute("rel").split(" "))
				.containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
			page.reload();
			assertThat(page.locator("article.comment").count()).isEqualTo(2);
			assertThat(dialogs).as("no script from a comment ran").isEmpty();
		}

		try (BrowserContext context = browser.newContext(new NewContextOptions())) {
			Page page = context.newPage();
			page.onDialog((dialog) -> {
				dialogs.add(dialog.message());
				dialog.dismiss();
			});
			page.navigate(url("/signin?continue=%2Fpapers%2F2506.00001"));
			signIn(page, "grace@example.org");
			page.locator("article.comment").first().locator("button", new Locator.LocatorOptions().setHasText("Hide")).click();

			assertThat(page.locator("article.comment").first().textContent()).contains("Hidden by a curator");
			assertThat(dialogs).isEmpty();
		}

		try (BrowserContext anonymous = browser.newContext(new NewContextOptions())) {
			Page page = anonymous.newPage();
			page.navigate(url("/papers/2506.00001"));
			assertThat(page.locator("article.comment").count()).as("the hidden thread is gone for everyone else").isZero();
		}
	}

	/** Asks for a link on the sign-in page being shown, then follows it from the outbox. */
	private void signIn(Page page, String address) {
		page.locator("#signin-address").fill(address);
		page.locator("form[action='/signin/link'] button").click();
		// the link is kept before the answer sends the browser on: read before that, the outbox may hold
		// only an older link to this address, from an earlier test on the same server
		page.waitForURL("**/signin/sent**");
		page.navigate(url(WebSession.newestLink(this.mailbox, address)));
		page.locator("form[action='/signin/token'] button").click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
