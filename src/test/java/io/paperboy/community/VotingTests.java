package io.paperboy.community;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.feed.Trending;
import io.paperboy.feed.TrendingListing;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members vote with the buttons (a form without JavaScript) and through the API; visitors are sent to sign in. */
@ExtendWith(EmptyCatalog.class)
@WebTest
class VotingTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String PAPER = "2506.00001";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@Autowired
	Trending trending;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VoteProperties limit;

	@BeforeEach
	void onePaperWithTwelveImportedUpvotes() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper(PAPER).withTitle("A paper to vote for").withUpvotes(12).build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(PAPER, JUNE_2));
	}

	@Test
	void aFormPostCastsTheVoteAndSendsTheMemberBackToThePageItCameFrom() throws Exception {
		Member member = TestMembers.create(this.accounts);

		formVote(member, null, "/papers/date/2025-06-02").andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/date/2025-06-02"));

		assertThat(this.votes.hasVoted(PAPER, member.id())).isTrue();
		assertThat(upvotes()).isEqualTo(13);
	}

	@Test
	void aSecondFormPostWithdrawsTheVote() throws Exception {
		Member member = TestMembers.create(this.accounts);

		formVote(member, null, "/papers").andExpect(status().isSeeOther());
		formVote(member, null, "/papers").andExpect(status().isSeeOther());

		assertThat(this.votes.hasVoted(PAPER, member.id())).isFalse();
		assertThat(upvotes()).isEqualTo(12);
	}

	@Test
	void aFormThatSaysWhatItsButtonShowedCountsOnceHoweverOftenItIsSent() throws Exception {
		Member member = TestMembers.create(this.accounts);

		formVote(member, "up", "/papers").andExpect(status().isSeeOther());
		formVote(member, "up", "/papers").andExpect(status().isSeeOther());
		assertThat(upvotes()).isEqualTo(13);

		formVote(member, "withdraw", "/papers").andExpect(status().isSeeOther());
		formVote(member, "withdraw", "/papers").andExpect(status().isSeeOther());
		assertThat(upvotes()).isEqualTo(12);
	}

	@Test
	void withoutAPageToGoBackToTheFormSendsTheMemberToThePaper() throws Exception {
		formVote(TestMembers.create(this.accounts), null, null).andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/" + PAPER));
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example/papers", "https://evil.example/", "/\\evil.example", "evil.example",
			"/signout" })
	void theFormNeverSendsTheMemberToAnotherSite(String back) throws Exception {
		formVote(TestMembers.create(this.accounts), null, back).andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers"));
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToSignInAndBackWithoutAVote() throws Exception {
		this.mvc.perform(post("/papers/" + PAPER + "/upvote").param("back", "/papers/date/2025-06-02").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers%2Fdate%2F2025-06-02"));

		assertThat(votesCast()).isZero();
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefusedAndCountsNothing() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/papers/" + PAPER + "/upvote").param("back", "/papers").with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());

		assertThat(votesCast()).isZero();
	}

	@Test
	void aFormVoteForAPaperNotInTheCatalogIsNotFound() throws Exception {
		this.mvc.perform(post("/papers/2506.99999/upvote").with(csrf()).with(TestMembers.signedIn(TestMembers.create(this.accounts))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFormWithAnUnknownVoteIsABadRequestThatCountsNothing() throws Exception {
		formVote(TestMembers.create(this.accounts), "sideways", "/papers").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("vote must be")));

		assertThat(votesCast()).isZero();
	}

	@Test
	void theApiCastsAVoteAndAnswersTheCountTheMemberNowSees() throws Exception {
		Member member = TestMembers.create(this.accounts);

		apiVote(member, true).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.paperId").value(PAPER))
			.andExpect(jsonPath("$.upvotes").value(13))
			.andExpect(jsonPath("$.upvoted").value(true));
	}

	@Test
	void theApiCountsAVoteSentTwiceOnceAndAWithdrawalSentTwiceOnce() throws Exception {
		Member member = TestMembers.create(this.accounts);

		apiVote(member, true).andExpect(jsonPath("$.upvotes").value(13));
		apiVote(member, true).andExpect(jsonPath("$.upvotes").value(13)).andExpect(jsonPath("$.upvoted").value(true));
		assertThat(votesCast()).isEqualTo(1);

		apiVote(member, false).andExpect(jsonPath("$.upvotes").value(12)).andExpect(jsonPath("$.upvoted").value(false));
		apiVote(member, false).andExpect(jsonPath("$.upvotes").value(12)).andExpect(jsonPath("$.upvoted").value(false));
		assertThat(votesCast()).isZero();
	}

	@Test
	void theApiRefusesAVoteWithoutTheCsrfHeader() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/api/papers/" + PAPER + "/upvote").with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/papers/" + PAPER + "/upvote").with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());

		assertThat(votesCast()).isZero();
	}

	@Test
	void theApiAnswersACallerWhoIsNotSignedInWithAProblemOf401() throws Exception {
		this.mvc.perform(post("/api/papers/" + PAPER + "/upvote").with(csrf().asHeader()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Not signed in"));

		assertThat(votesCast()).isZero();
	}

	@Test
	void theApiAnswersAPaperNotInTheCatalogWithAProblemOf404() throws Exception {
		this.mvc.perform(post("/api/papers/2506.99999/upvote").with(csrf().asHeader())
			.with(TestMembers.signedIn(TestMembers.create(this.accounts))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("2506.99999")));
	}

	@Test
	void theApiAnswersTextThatIsNotAnArxivIdWithAProblemOf400() throws Exception {
		this.mvc.perform(post("/api/papers/not-a-paper/upvote").with(csrf().asHeader())
			.with(TestMembers.signedIn(TestMembers.create(this.accounts))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void papersWithOldStyleIdsAreVotedForToo() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withUpvotes(1).build(), JUNE_2);
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/api/papers/hep-th/9901001/upvote").with(csrf().asHeader()).with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paperId").value("hep-th/9901001"))
			.andExpect(jsonPath("$.upvotes").value(2));
		this.mvc.perform(post("/papers/hep-th/9901001/upvote").param("vote", "withdraw")
			.with(csrf())
			.with(TestMembers.signedIn(member))).andExpect(status().isSeeOther());

		assertThat(this.votes.hasVoted("hep-th/9901001", member.id())).isFalse();
	}

	@Test
	void votesBeyondTheLimitPerMinuteAreRefusedWith429AndCountNothing() throws Exception {
		Member member = TestMembers.create(this.accounts);
		int limit = this.limit.votesPerMinute();
		for (int i = 0; i < limit; i++) {
			// up, withdrawn, up, ...: the last one counted is an upvote
			apiVote(member, (limit - i) % 2 == 1).andExpect(status().isOk());
		}

		apiVote(member, false).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Wait a moment")));
		formVote(member, "withdraw", "/papers").andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Wait a moment")));
		assertThat(this.votes.hasVoted(PAPER, member.id())).isTrue();

		// another member is not held back by the first one's votes
		apiVote(TestMembers.create(this.accounts), true).andExpect(status().isOk());
		// and a minute later the first may vote again
		this.clock.advance(Duration.ofMinutes(1));
		apiVote(member, false).andExpect(status().isOk());
	}

	@Test
	void everyVoteKeepsItsTimeAndCountsInTrending() throws Exception {
		Instant votedAt = MutableClock.Configuration.START.plus(Duration.ofMinutes(7));
		this.clock.set(votedAt);
		// the 12 imported upvotes count as cast when the paper entered the list
		assertThat(this.trending.top(10).get(0).recentVotes()).isEqualTo(12);

		apiVote(TestMembers.create(this.accounts), true).andExpect(status().isOk());

		OffsetDateTime stored = this.jdbc.sql("select voted_at from votes where paper_id = :id")
			.param("id", PAPER)
			.query(OffsetDateTime.class)
			.single();
		assertThat(stored.toInstant()).isEqualTo(votedAt);
		TrendingListing listed = this.trending.top(10).get(0);
		assertThat(listed.listing().paper().id()).isEqualTo(PAPER);
		assertThat(listed.recentVotes()).isEqualTo(13);
	}

	@Test
	void theCountShownEverywhereIsTheImportedCountPlusMembersVotes() throws Exception {
		apiVote(TestMembers.create(this.accounts), true).andExpect(status().isOk());
		apiVote(TestMembers.create(this.accounts), true).andExpect(status().isOk());

		assertThat(HtmlText.of(page("/papers/" + PAPER))).contains("▲ 14 upvotes");
		assertThat(HtmlText.of(page("/papers/date/2025-06-02"))).contains("▲ 14 upvotes");
		this.mvc.perform(get("/api/papers/" + PAPER)).andExpect(jsonPath("$.upvotes").value(14));
	}

	private ResultActions formVote(Member member, String vote, String back) throws Exception {
		var request = post("/papers/" + PAPER + "/upvote").with(csrf()).with(TestMembers.signedIn(member));
		if (vote != null) {
			request.param("vote", vote);
		}
		if (back != null) {
			request.param("back", back);
		}
		return this.mvc.perform(request);
	}

	private ResultActions apiVote(Member member, boolean up) throws Exception {
		String path = "/api/papers/" + PAPER + "/upvote";
		return this.mvc.perform((up ? post(path) : delete(path)).with(csrf().asHeader()).with(TestMembers.signedIn(member)));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private int upvotes() {
		return this.catalog.findPaper(PAPER).orElseThrow().upvotes();
	}

	private long votesCast() {
		return this.jdbc.sql("select count(*) from votes").query(Long.class).single();
	}

}
