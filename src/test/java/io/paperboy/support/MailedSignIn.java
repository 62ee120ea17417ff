package io.paperboy.support;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.paperboy.mail.DevMailbox;
import io.paperboy.mail.KeptMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new member signs in in a browser as a person does: from a page, they follow a link to sign in
 * (a "Save", "Upvote" or "Follow" link, say), give an address, open the link mailed to it (read from
 * the development outbox), choose a username and a name, and are back on the page they came from.
 * Tests reach it through {@link SiteInABrowser#signInAsNewMember}.
 */
final class MailedSignIn {

	private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://[^/\\s]+(/signin/token\\?\\S+)");

	private static final AtomicInteger visitors = new AtomicInteger();

	private MailedSignIn() {
	}

	/**
	 * Signs in as a new member from the page, following the first link {@code linkSelector} finds.
	 * @param prefix the start of the member's address and username, such as {@code saver}
	 * @return the member's username
	 */
	static String asNewMember(Page page, String linkSelector, DevMailbox mailbox, String prefix) {
		int visitor = visitors.incrementAndGet();
		String address = prefix + visitor + "-" + System.nanoTime() + "@example.org";
		page.locator(linkSelector).first().click();
		page.locator("input[name=username]").fill(address);
		page.locator("form.stacked button[type=submit]").click();
		page.waitForURL("**/signin/sent**");

		List<KeptMail> mail = mailbox.to(address);
		assertThat(mail).hasSize(1);
		Matcher link = SIGN_IN_LINK.matcher(mail.get(0).text());
		assertThat(link.find()).as("a sign-in link in: %s", mail.get(0).text()).isTrue();
		page.navigate(URI.create(page.url()).resolve(link.group(1)).toString());
		page.locator("form.stacked button[type=submit]").click();

		// the first sign-in chooses a username and display name
		String username = prefix + visitor + "x" + (System.nanoTime() % 100000);
		page.locator("input[name=username]").fill(username);
		page.locator("input[name=displayName]").fill(Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + visitor);
		page.locator("form.stacked button[type=submit]").click();
		page.waitForURL((url) -> !url.contains("/welcome"));
		return username;
	}

}
