package io.paperboy.community;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.SaveOutcome;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.support.TestMembers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Curators feature and hide papers on their day; everyone's lists, the API and the feeds follow. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class CurationTests {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private Accounts accounts;

	private Member curator;

	private Member member;

	@BeforeEach
	void threePapersOnMonday() {
		this.curator = TestMembers.member(this.accounts, "grace", "Grace Hopper", Role.CURATOR);
		this.member = TestMembers.member(this.accounts, "ada", "Ada Lovelace");
		list("2506.00001", "Most upvoted paper", 30);
		list("2506.00002", "Middling paper", 10);
		list("2506.00003", "Quiet paper", 1);
	}

	@Test
	void aFeaturedPaperComesFirstOnItsDayWithABadge() throws Exception {
		curate(this.curator, "2506.00003", "feature").andExpect(redirectedUrl("/papers/2506.00003"));

		String day = HtmlText.of(this.mvc.perform(get("/papers/date/2025-06-02")).andReturn().getResponse().getContentAsString());
		assertThat(day).containsSubsequence("Quiet paper New Featured", "Most upvoted paper", "Middling paper");
		String feed = this.mvc.perform(get("/papers/date/2025-06-02/feed.xml")).andReturn().getResponse().getContentAsString();
		assertThat(feed).containsSubsequence("Quiet paper", "Most upvoted paper", "Middling paper");

		curate(this.curator, "2506.00003", "unfeature");
		day = HtmlText.of(this.mvc.perform(get("/papers/date/2025-06-02")).andReturn().getResponse().getContentAsString());
		assertThat(day).containsSubsequence("Most upvoted paper", "Middling paper", "Quiet paper").doesNotContain("Featured");
	}

	@Test
	void aHiddenPaperLeavesItsDayPageTheApiAndTheFeedsForEveryone() throws Exception {
		// the day page, the API and the feed are kept once made: make them before the paper is hidden
		assertThat(this.mvc.perform(get("/papers/date/2025-06-02")).andReturn().getResponse().getContentAsString())
			.contains("Most upvoted paper");
		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02")).andExpect(jsonPath("$.length()").value(3));

		curate(this.curator, "2506.00001", "hide").andExpect(redirectedUrl("/papers/2506.00001"));

		for (Member viewer : new Member[] { null, this.member, this.curator }) {
			var request = get("/papers/date/2025-06-02");
			String page = this.mvc.perform((viewer != null) ? request.with(signedIn(viewer)) : request)
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain("Most upvoted paper").contains("Middling paper");
		}
		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02"))
			.andExpect(jsonPath("$[*].paper.id", contains("2506.00002", "2506.00003")));
		this.mvc.perform(get("/api/daily_papers").param("week", "2025-W23"))
			.andExpect(jsonPath("$[*].paper.id", contains("2506.00002", "2506.00003")));
		for (String feed : new String[] { "/papers/date/2025-06-02/feed.xml", "/papers/feed.atom",
				"/papers/week/2025-W23/feed.xml" }) {
			assertThat(this.mvc.perform(get(feed)).andReturn().getResponse().getContentAsString())
				.doesNotContain("Most upvoted paper")
				.contains("Middling paper");
		}
	}

	@Test
	void aHiddenPaperShowsAgainWhenACuratorUnhidesIt() throws Exception {
		curate(this.curator, "2506.00001", "hide");
		curate(this.curator, "2506.00001", "unhide");

		assertThat(this.mvc.perform(get("/papers/date/2025-06-02")).andReturn().getResponse().getContentAsString())
			.contains("Most upvoted paper");
	}

	@Test
	void theCurationFormsAreOnThePaperPageForCuratorsOnly() throws Exception {
		curate(this.curator, "2506.00001", "hide");

		String forCurator = this.mvc.perform(get("/papers/2506.00001").with(signedIn(this.curator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlText.of(forCurator)).contains("On the list of 2025-06-02 · hidden from it: Feature Show again");
		assertThat(forCurator).contains("action=\"/curate\"").contains("value=\"unhide\"");
		for (Member viewer : new Member[] { null, this.member }) {
			var request = get("/papers/2506.00001");
			String page = this.mvc.perform((viewer != null) ? request.with(signedIn(viewer)) : request)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).doesNotContain("action=\"/curate\"").doesNotContain("hidden from it");
		}
		assertThat(this.mvc.perform(get("/papers/date/2025-06-02").with(signedIn(this.curator)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("action=\"/curate\"");
	}

	@Test
	void theCuratorsDayPageShowsHiddenPapersMarkedAndBringsTheCuratorBack() throws Exception {
		curate(this.curator, "2506.00002", "feature");
		curate(this.curator, "2506.00001", "hide");

		String page = this.mvc.perform(get("/curate").param("day", "2025-06-02").with(signedIn(this.curator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(page)).containsSubsequence("Middling paper", "featured", "Quiet paper",
				"Most upvoted paper", "hidden from it", "Show again");
		this.mvc.perform(post("/curate").with(signedIn(this.curator)).with(csrf())
			.param("paper", "2506.00001")
			.param("action", "unhide")
			.param("back", "/curate?day=2025-06-02"))
			.andExpect(redirectedUrl("/curate?day=2025-06-02"));
		this.mvc.perform(post("/curate").with(signedIn(this.curator)).with(csrf())
			.param("paper", "2506.00001")
			.param("action", "hide")
			.param("back", "https://evil.example/"))
			.andExpect(redirectedUrl("/papers/2506.00001"));
	}

	@Test
	void theCuratorsDayPageIsForCuratorsOnly() throws Exception {
		this.mvc.perform(get("/curate?day=2025-06-02"))
			.andExpect(redirectedUrl("/signin?continue=%2Fcurate%3Fday%3D2025-06-02"));
		this.mvc.perform(get("/curate").param("day", "2025-06-02").with(signedIn(this.member))).andExpect(status().isForbidden());
		this.mvc.perform(get("/curate").param("day", "June").with(signedIn(this.curator))).andExpect(status().isBadRequest());
	}

	@Test
	void aMemberWhoIsNotACuratorCannotCurate() throws Exception {
		curate(this.member, "2506.00001", "hide").andExpect(status().isForbidden());

		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying(
				(entry) -> assertThat(entry.hidden()).isFalse());
	}

	@Test
	void curatingWithoutTheCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/curate").with(signedIn(this.curator)).param("paper", "2506.00001").param("action", "hide"))
			.andExpect(status().isForbidden());

		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying(
				(entry) -> assertThat(entry.hidden()).isFalse());
	}

	@Test
	void curatingAPaperOnNoListOrAnUnknownActionIsRefused() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00009").build(), null);

		curate(this.curator, "2506.00009", "feature").andExpect(status().isNotFound());
		curate(this.curator, "2506.00001", "promote").andExpect(status().isBadRequest());
		curate(this.curator, "not-an-id", "hide").andExpect(status().isBadRequest());
	}

	@Test
	void anImportOfferingTheSameEntryAgainKeepsTheCuratorsMarks() throws Exception {
		curate(this.curator, "2506.00002", "feature");

		SaveOutcome outcome = this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", MONDAY));

		assertThat(outcome).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(this.catalog.dailyEntryOf("2506.00002")).hasValueSatisfying(
				(entry) -> assertThat(entry.featured()).isTrue());
	}

	private org.springframework.test.web.servlet.ResultActions curate(Member who, String paper, String action)
			throws Exception {
		return this.mvc.perform(post("/curate").with(signedIn(who)).with(csrf()).param("paper", paper).param("action", action));
	}

	private void list(String id, String title, int upvotes) {
		this.catalog.savePaper(TestPapers.paper(id).withTitle(title).withUpvotes(upvotes).build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry(id, MONDAY));
	}

}
