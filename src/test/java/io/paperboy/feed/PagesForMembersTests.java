package io.paperboy.feed;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The list pages are rendered once and sent to every anonymous visitor; a member sees their own
 * name, token and votes. Neither may reach the other: a member's page is never kept, and the kept
 * page never carries anything of a member or of the request that rendered it.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class PagesForMembersTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String VOTED = "2506.00001";

	private static final String NOT_VOTED = "2506.00002";

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

	private Member member;

	@BeforeEach
	void twoPapersOneOfThemVotedForByAMember() {
		User ak = this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.savePaper(TestPapers.paper(VOTED).withTitle("Voted paper").withUpvotes(5).build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(VOTED, JUNE_2, ak.id()));
		this.catalog.savePaper(TestPapers.paper(NOT_VOTED).withTitle("Other paper").withUpvotes(3).build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(NOT_VOTED, JUNE_2, ak.id()));
		this.member = TestMembers.create(this.accounts, "Quentin Votewell");
		this.votes.upvote(VOTED, this.member.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/date/2025-06-02", "/papers/week/2025-W23", "/papers/month/2025-06",
			"/papers/trending", "/papers/arxiv", "/papers/2506.00001", "/u/akhaliq", "/authors/Ada Lovelace" })
	void aMembersPageShowsTheirVotesAndIsNeverKeptForAnonymousVisitors(String path) throws Exception {
		String before = anonymous(path).getContentAsString();

		MockHttpServletResponse members = asMember(path);
		String page = members.getContentAsString();
		assertThat(page).contains("Quentin Votewell")
			.contains("<meta name=\"csrf-token\"")
			.contains("action=\"/papers/" + VOTED + "/upvote\"")
			.contains("aria-pressed=\"true\"");
		assertThat(members.getHeader("Cache-Control")).contains("no-store").contains("private");

		MockHttpServletResponse after = anonymous(path);
		assertThat(withoutSimilarPapers(after.getContentAsString())).isEqualTo(withoutSimilarPapers(before));
		assertAnonymous(after);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/date/2025-06-02", "/papers/week/2025-W23", "/papers/month/2025-06",
			"/papers/trending", "/papers/arxiv", "/papers/2506.00001", "/u/akhaliq", "/authors/Ada Lovelace" })
	void aPageKeptForAnonymousVisitorsIsNeverSentToAMember(String path) throws Exception {
		assertAnonymous(anonymous(path));
		anonymous(path);

		String page = asMember(path).getContentAsString();

		assertThat(page).contains("Quentin Votewell").contains("aria-pressed=\"true\"");
		if (!path.equals("/papers/2506.00001")) {
			// the paper not voted for shows an unpressed button
			assertThat(page).contains("aria-pressed=\"false\"");
		}
	}

	@Test
	void theKeptPageCarriesNothingOfTheRequestThatRenderedIt() throws Exception {
		anonymous("/papers/date/2025-06-02?utm_source=%22%3E%3Cscript%3E");

		String page = anonymous("/papers/date/2025-06-02").getContentAsString();

		assertThat(page).contains("href=\"/signin?continue=%2Fpapers%2Fdate%2F2025-06-02\"").doesNotContain("utm_source");
	}

	@Test
	void theLatestDaysPageSendsAVisitorWhoSignsInBackToTheLatestDay() throws Exception {
		anonymous("/papers/date/2025-06-02");

		assertThat(anonymous("/papers").getContentAsString()).contains("href=\"/signin?continue=%2Fpapers\"")
			.doesNotContain("continue=%2Fpapers%2Fdate");
	}

	@Test
	void anAnonymousVisitorsUpvoteButtonIsALinkToSignInAndComeBack() throws Exception {
		String page = anonymous("/papers/week/2025-W23").getContentAsString();

		assertThat(page).contains("<a class=\"upvote\" href=\"/signin?continue=%2Fpapers%2Fweek%2F2025-W23\"");
	}

	private MockHttpServletResponse anonymous(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	private MockHttpServletResponse asMember(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(TestMembers.signedIn(this.member)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	/**
	 * The page without its similar papers, which come from the search index: it may still be
	 * catching up with the papers this test saved (and the previous test removed) between two requests.
	 */
	private static String withoutSimilarPapers(String page) {
		// the section and the blank line the template leaves when there is none
		return page.replaceAll("(?s)<section class=\"similar\">.*?</section>", "").replaceAll("(?m)^[ \\t]*\\R", "");
	}

	private static void assertAnonymous(MockHttpServletResponse response) throws Exception {
		assertThat(response.getContentAsString()).doesNotContain("Quentin Votewell")
			.doesNotContain("csrf")
			.doesNotContain("aria-pressed")
			.doesNotContain("<form class=\"upvote\"")
			.contains("/signin?continue=");
		assertThat(response.getHeader("Cache-Control")).doesNotContain("private");
	}

}
