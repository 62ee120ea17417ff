package io.paperboy.community;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /u/{username}}: who someone is, what they submitted and upvoted; their comments' place. */
@ExtendWith(EmptyCatalog.class)
@WebTest
class ProfilePagesTests {

	private static final LocalDate MAY_30 = LocalDate.of(2025, 5, 30);

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String HOSTILE_NAME = "\"><img src=x onerror=alert(1)>";

	private static final Pattern CARD = Pattern.compile("<h3><a href=\"/papers/([^\"]+)\">");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@Autowired
	Comments comments;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void threePapers() {
		this.clock.set(MutableClock.Configuration.START);
		for (String id : List.of("2505.00001", "2506.00001", "2506.00002")) {
			this.catalog.savePaper(TestPapers.paper(id).withTitle("Paper " + id).build(), JUNE_2);
		}
	}

	@Test
	void aMembersProfileNamesThemAndSaysSinceWhen() throws Exception {
		Member member = TestMembers.create(this.accounts, "Ada Lovelace");

		String text = HtmlText.of(profile(member.username()));

		assertThat(text).contains("Ada Lovelace").contains("@" + member.username()).contains("Member since Jun 2, 2025");
	}

	@Test
	void theProfileListsThePapersTheySubmittedMostRecentFirst() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.catalog.placeOnDailyList(TestPapers.entry("2505.00001", MAY_30, member.id()));
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2, member.id()));
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", JUNE_2, null));

		String html = profile(member.username());

		assertThat(cards(section(html, "profile-submitted"))).containsExactly("2506.00001", "2505.00001");
		assertThat(HtmlText.of(section(html, "profile-submitted"))).startsWith("Submitted 2");
	}

	@Test
	void theProfileListsThePapersTheyUpvotedMostRecentVoteFirst() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.votes.upvote("2506.00002", member.id());
		this.clock.advance(Duration.ofMinutes(1));
		this.votes.upvote("2505.00001", member.id());
		this.clock.advance(Duration.ofMinutes(1));
		this.votes.upvote("2506.00001", member.id());
		this.votes.withdraw("2506.00001", member.id());

		String html = profile(member.username());

		assertThat(cards(section(html, "profile-upvoted"))).containsExactly("2505.00001", "2506.00002");
		assertThat(HtmlText.of(section(html, "profile-upvoted"))).startsWith("Upvoted 2");
		assertThat(cards(section(html, "profile-submitted"))).isEmpty();
		assertThat(section(html, "profile-submitted")).contains("No papers submitted yet.");
	}

	@Test
	void theProfileListsTheCommentsEveryoneCanSeeNewestFirstAsSafeHtml() throws Exception {
		Member member = TestMembers.create(this.accounts);
		assertThat(section(profile(member.username()), "profile-comments")).contains("No comments yet.");
		this.comments.post("2505.00001", null, member, "An *older* remark");
		this.clock.advance(Duration.ofMinutes(1));
		this.comments.post("2506.00001", null, member, "<script>alert(1)</script> newer");
		this.clock.advance(Duration.ofMinutes(1));
		Comment hidden = this.comments.post("2506.00002", null, member, "hidden by a curator");
		this.comments.hide(hidden.id(), this.accounts.grant("curator@example.org", io.paperboy.account.Role.CURATOR));

		String comments = section(profile(member.username()), "profile-comments");

		assertThat(comments).doesNotContain("<script>").contains("&lt;script&gt;").contains("<em>older</em>")
			.doesNotContain("hidden by a curator");
		assertThat(comments.indexOf("/papers/2506.00001#comment-")).isPositive()
			.isLessThan(comments.indexOf("/papers/2505.00001#comment-"));
	}

	@Test
	void aSubmitterAnImportNamedHasAProfileOfTheirSubmissions() throws Exception {
		User ak = this.users.ensureImported("akhaliq", "AK", null, "60f1abe7544c2adfd699860c");
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2, ak.id()));

		String html = profile("akhaliq");

		assertThat(HtmlText.of(html)).contains("AK").contains("@akhaliq").contains("Known since Jun 2, 2025")
			.doesNotContain("Member since");
		assertThat(cards(section(html, "profile-submitted"))).containsExactly("2506.00001");
	}

	@Test
	void anUnknownUsernameIsNotFound() throws Exception {
		this.mvc.perform(get("/u/nobody-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No one is called \"nobody-here\" on this site.")));
	}

	@Test
	void aMemberWhoHasNotChosenAUsernameHasNoProfileYet() throws Exception {
		Member fresh = this.accounts.loadUserByUsername("fresh@example.org");

		this.mvc.perform(get("/u/" + fresh.username())).andExpect(status().isNotFound());
	}

	@Test
	void aHostileDisplayNameIsShownAsTextOnTheProfileAndOnCards() throws Exception {
		Member member = TestMembers.create(this.accounts, HOSTILE_NAME);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2, member.id()));

		String profile = profile(member.username());
		String day = this.mvc.perform(get("/papers/date/2025-06-02").with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String paper = this.mvc.perform(get("/papers/2506.00001"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String html : List.of(profile, day, paper)) {
			assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
			assertThat(HtmlText.of(html)).contains(HOSTILE_NAME);
		}
	}

	@Test
	void aMembersViewOfAProfileIsNotKeptByBrowsersOrProxies() throws Exception {
		Member member = TestMembers.create(this.accounts);

		String cacheControl = this.mvc.perform(get("/u/" + member.username()).with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control");

		assertThat(cacheControl).contains("no-store").contains("private");
	}

	private String profile(String username) throws Exception {
		return this.mvc.perform(get("/u/" + username))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The HTML of the profile section whose heading has this id. */
	private static String section(String html, String headingId) {
		int start = html.indexOf("aria-labelledby=\"" + headingId + "\"");
		assertThat(start).as(headingId).isNotNegative();
		int end = html.indexOf("</section>", start);
		return html.substring(html.indexOf('>', start) + 1, end);
	}

	private static List<String> cards(String html) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = CARD.matcher(html);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

}
