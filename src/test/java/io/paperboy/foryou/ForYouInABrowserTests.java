package io.paperboy.foryou;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.paperboy.catalog.Catalog;
import io.paperboy.search.PaperVectors;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.PapersByMeaning;
import io.paperboy.support.ServerTest;
import io.paperboy.support.SiteInABrowser;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's "For you" page in a real Chromium: following an author from a paper page or an author
 * page (with JavaScript without a reload, without it by posting and coming back) puts that author's
 * paper first; "not interested" takes a paper out; a save gives the feed its reasons; a new member
 * starts the feed by picking categories and pasting ids and titles. With embeddings (a context of its
 * own), for the reasons the model gives.
 */
@Tag("browser")
@ServerTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
@ExtendWith(EmptyCatalog.class)
class ForYouInABrowserTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String REWARD = "2506.00001";

	private static final String HACKING = "2506.00002";

	private static final String IMAGES = "2506.00003";

	private static final String KNITTING = "2506.00004";

	private static final List<String> ALL = List.of(REWARD, HACKING, IMAGES, KNITTING);

	@RegisterExtension
	static final SiteInABrowser site = new SiteInABrowser();

	@Autowired
	Catalog catalog;

	@Autowired
	PaperVectors vectors;

	@BeforeEach
	void fourEmbeddedPapers() {
		listed(PapersByMeaning.rewardTampering(REWARD)
			.withCategories("cs.LG")
			.withUpvotes(3));
		listed(PapersByMeaning.agentsHackingTheirReward(HACKING)
			.withCategories("cs.LG")
			.withUpvotes(1));
		listed(PapersByMeaning.imageClassification(IMAGES)
			.withCategories("cs.CV")
			.withUpvotes(2));
		listed(PapersByMeaning.knittingCompilers(KNITTING)
			.withAuthors("Grace Hopper", "Alan Turing")
			.withCategories("cs.PL"));
		await("every paper embedded").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.vectors.vectorsOf(ALL).size() == ALL.size());
	}

	private void listed(TestPapers paper) {
		this.catalog.savePaper(paper.build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(paper.build().id(), JUNE_2));
	}

	@Test
	void aMemberFollowsAnAuthorFromAPaperPageSeesTheirPaperFirstAndUnfollowsFromTheAuthorPage() {
		List<String> problems;
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			problems = SiteInABrowser.consoleErrors(page);
			page.navigate(site.url("/papers/" + KNITTING));
			site.signInAsNewMember(page, "a.save", "follower");
			assertThat(page.url()).isEqualTo(site.url("/papers/" + KNITTING));

			page.locator("details.follow-authors summary").click();
			Locator follow = authorsButton(page, "Grace Hopper");
			assertThat(follow.textContent()).isEqualTo("Follow");
			page.evaluate("window.stillThisPage = true");
			follow.click();
			page.waitForCondition(() -> "true".equals(follow.getAttribute("aria-pressed")));
			assertThat(follow.textContent()).isEqualTo("Following");
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);

			page.navigate(site.url("/papers/for-you"));
			assertThat(page.locator(".card h3").first().textContent()).contains("Compilers for Knitting Patterns");
			assertThat(page.locator(".card .reason").first().textContent()).isEqualTo("By Grace Hopper, whom you follow");

			page.navigate(site.url("/authors/Grace%20Hopper"));
			Locator unfollow = page.locator(".hero form.follow button");
			assertThat(unfollow.textContent()).isEqualTo("Following");
			unfollow.click();
			page.waitForCondition(() -> "false".equals(unfollow.getAttribute("aria-pressed")));
			assertThat(unfollow.textContent()).isEqualTo("Follow");

			page.navigate(site.url("/papers/for-you"));
			assertThat(page.locator(".card .reason").allTextContents()).doesNotContain("By Grace Hopper, whom you follow");
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void withoutJavaScriptFollowPostsAndComesBackToThePaperPageAndUnfollowToTheAuthorPage() {
		try (BrowserContext context = site.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/" + KNITTING));
			site.signInAsNewMember(page, "a.save", "follower");

			page.locator("details.follow-authors summary").click();
			authorsButton(page, "Alan Turing").click();

			assertThat(page.url()).isEqualTo(site.url("/papers/" + KNITTING));
			assertThat(authorsButton(page, "Alan Turing").getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(authorsButton(page, "Grace Hopper").getAttribute("aria-pressed")).isEqualTo("false");
			page.navigate(site.url("/papers/for-you"));
			assertThat(page.locator(".card .reason").first().textContent()).isEqualTo("By Alan Turing, whom you follow");

			page.navigate(site.url("/authors/Alan%20Turing"));
			page.locator(".hero form.follow button").click();
			assertThat(page.url()).isEqualTo(site.url("/authors/Alan%20Turing"));
			assertThat(page.locator(".hero form.follow button").textContent()).isEqualTo("Follow");
		}
	}

	@Test
	void aPaperMarkedNotInterestedLeavesForYouAndASaveGivesTheFeedItsReasons() {
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/date/2025-06-02"));
			site.signInAsNewMember(page, "a.save", "reader");

			page.navigate(site.url("/papers/for-you"));
			Locator images = card(page, "Image Classification");
			assertThat(images.count()).isEqualTo(1);
			page.evaluate("window.stillThisPage = true");
			images.locator("form.not-interested button").click();
			page.waitForCondition(() -> !images.isVisible());
			assertThat(page.evaluate("window.stillThisPage === true")).isEqualTo(true);

			page.navigate(site.url("/papers/" + REWARD));
			page.locator("form.save button").click();
			page.waitForCondition(() -> "true".equals(page.locator("form.save button").getAttribute("aria-pressed")));

			page.navigate(site.url("/papers/for-you"));
			assertThat(card(page, "Image Classification").count()).isZero();
			assertThat(page.locator(".card h3").first().textContent()).contains("Agents That Hack Their Reward Function");
			assertThat(page.locator(".card .reason").first().textContent())
				.isEqualTo("Because you saved “Reward Tampering in Reinforcement Learning Agents”");
			assertThat(page.content()).doesNotContain("Start your feed");
		}
	}

	@Test
	void aNewMemberStartsTheFeedByPickingACategoryThenByPastingATitleAndAnId() {
		try (BrowserContext context = site.newContext()) {
			Page page = context.newPage();
			page.navigate(site.url("/papers/date/2025-06-02"));
			site.signInAsNewMember(page, "a.save", "starter");

			page.navigate(site.url("/papers/for-you"));
			assertThat(page.locator(".cold-start h2").textContent()).isEqualTo("Start your feed");
			page.locator(".cold-start input[name=category][value='cs.CV']").check();
			page.locator(".cold-start button[type=submit]").click();

			assertThat(page.url()).isEqualTo(site.url("/papers/for-you"));
			assertThat(page.locator(".card h3").first().textContent()).contains("Image Classification");
			assertThat(page.locator(".card .reason").first().textContent()).isEqualTo("In cs.CV, which you picked");
			assertThat(page.locator(".cold-start input[name=category][value='cs.CV']").isChecked()).isTrue();

			page.locator("#for-you-ids").fill("A title nobody wrote\n" + KNITTING);
			page.locator(".cold-start button[type=submit]").click();
			assertThat(page.locator("#for-you-error").textContent()).contains("“A title nobody wrote”");
			assertThat(page.locator("#for-you-ids").inputValue()).isEqualTo("A title nobody wrote\n" + KNITTING);

			page.locator("#for-you-ids").fill("reward tampering in reinforcement learning agents\n" + KNITTING);
			page.locator(".cold-start button[type=submit]").click();

			assertThat(page.url()).isEqualTo(site.url("/papers/for-you"));
			// the nearest saved paper, or an author of the papers saved: both name what the member saved
			assertThat(page.locator(".card .reason").first().textContent()).matches("(Because you saved|By .+, like) .*");
			page.navigate(site.url("/library"));
			assertThat(page.locator(".card h3").allTextContents()).hasSize(2)
				.anySatisfy((title) -> assertThat(title).contains("Reward Tampering"))
				.anySatisfy((title) -> assertThat(title).contains("Compilers for Knitting Patterns"));
			page.navigate(site.url("/settings/signals"));
			assertThat(page.locator("#signals-categories + p, #signals-categories ~ ul li").allTextContents())
				.anySatisfy((item) -> assertThat(item).contains("cs.CV"));
		}
	}

	private static Locator authorsButton(Page page, String name) {
		return page.locator("details.follow-authors li").filter(new Locator.FilterOptions().setHasText(name))
			.locator("form.follow button");
	}

	private static Locator card(Page page, String title) {
		return page.locator(".card").filter(new Locator.FilterOptions().setHasText(title));
	}

}
