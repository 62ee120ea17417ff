package io.paperboy.search;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Search results carry upvote buttons: a member's show their votes, a visitor's lead to sign in. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class SearchForMembersTests {

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@Autowired
	IndexSync sync;

	private Member member;

	@BeforeEach
	void twoPapersOneVotedFor() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Reward tampering in agents").build(), DAY);
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("Reward shaping for agents").build(), DAY);
		this.member = TestMembers.create(this.accounts, "Search Member");
		this.votes.upvote("2506.00001", this.member.id());
		this.sync.flush();
	}

	@Test
	void aMembersResultsShowWhichPapersTheyVotedForAndAreNotKept() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/papers/search?q=reward&mode=text").with(TestMembers.signedIn(this.member)))
			.andReturn()
			.getResponse();

		assertThat(response.getContentAsString())
			.contains("action=\"/papers/2506.00001/upvote\"")
			.contains("aria-pressed=\"true\"")
			.contains("aria-pressed=\"false\"");
		assertThat(response.getHeader("Cache-Control")).contains("no-store").contains("private");
	}

	@Test
	void aVisitorsResultsOfferToSignInAndComeBackToTheSearch() throws Exception {
		String html = this.mvc.perform(get("/papers/search?q=reward&mode=text"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<a class=\"upvote\" href=\"/signin?continue=%2Fpapers%2Fsearch%3Fq%3Dreward%26mode%3Dtext\"")
			.doesNotContain("aria-pressed")
			.doesNotContain("csrf");
	}

}
