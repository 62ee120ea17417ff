package io.paperboy.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.paperboy.mail.DevMailbox;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The running site of a {@link ServerTest} in the test run's headless Chromium ({@link Chromium}), with what a test
 * of a member's clicks needs: the site's addresses, fresh browser contexts, signing in as a new member
 * by the link mailed to the development outbox, and the errors a page logs to its console.
 * <pre>
 * &#64;RegisterExtension
 * static final SiteInABrowser site = new SiteInABrowser();
 *
 * try (BrowserContext context = site.newContext()) {
 *     Page page = context.newPage();
 *     page.navigate(site.url("/papers/2506.00001"));
 *     site.signInAsNewMember(page, "a.save", "saver");
 * }
 * </pre>
 */
public final class SiteInABrowser implements BeforeAllCallback, BeforeEachCallback {

	private final Chromium chromium = new Chromium();

	private int port;

	private DevMailbox mailbox;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.chromium.beforeAll(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		this.port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.mailbox = application.getBean(DevMailbox.class);
	}

	/** The site's address of this path, such as {@code url("/library")}. */
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A fresh browser context (cookies, viewport, colour scheme) with JavaScript, for one scenario. */
	public BrowserContext newContext() {
		return newContext(new NewContextOptions());
	}

	public BrowserContext newContext(NewContextOptions options) {
		return this.chromium.newContext(options);
	}

	/**
	 * Signs in as a new member from the page, following the first link {@code linkSelector} finds (a
	 * "Save" or "Upvote" link, say), and comes back to the page: see {@link MailedSignIn}.
	 * @param prefix the start of the member's address and username, such as {@code saver}
	 * @return the member's username
	 */
	public String signInAsNewMember(Page page, String linkSelector, String prefix) {
		return MailedSignIn.asNewMember(page, linkSelector, this.mailbox, prefix);
	}

	/** The errors this page logs to its console from now on; a test that expects none asserts it is empty. */
	public static List<String> consoleErrors(Page page) {
		List<String> errors = new CopyOnWriteArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		return errors;
	}

}
