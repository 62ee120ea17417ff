package io.paperboy.foryou;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.library.Library;
import io.paperboy.library.PickedCategory;
import io.paperboy.search.IndexOutages;
import io.paperboy.search.PaperVectors;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.PapersByMeaning;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The "For you" page and API over a real index with real embeddings: ranking by a member's saves,
 * followed authors first, "not interested" never, the cold start, and who may ask; papers not embedded
 * yet, an index that cannot answer, and a window after the last day with papers.
 */
@WebTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
class ForYouPagesTests {

	private static final LocalDate EARLIER = LocalDate.of(2025, 5, 1);

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	private static final String SAVED = "2505.00001";

	private static final String NEAR = "2506.00001";

	private static final String IMAGES = "2506.00002";

	private static final String TRANSLATION = "2506.00003";

	private static final String BY_FOLLOWED = "2506.00004";

	private static final String DISMISSED = "2506.00005";

	private static final List<String> ALL = List.of(SAVED, NEAR, IMAGES, TRANSLATION, BY_FOLLOWED, DISMISSED);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private Accounts accounts;

	@Autowired
	private Library library;

	@Autowired
	private ForYou forYou;

	@Autowired
	private PaperVectors vectors;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MutableClock clock;

	/** Whether the papers are in the catalog and embedded as written below. */
	private static boolean seeded;

	@BeforeEach
	void sixEmbeddedPapers() {
		if (seeded && this.catalog.countPapers() == ALL.size() && this.catalog.findPapers(ALL).size() == ALL.size()) {
			return;
		}
		CatalogTables.empty(this.jdbc, this.events);
		save(PapersByMeaning.rewardTampering(SAVED), EARLIER);
		save(PapersByMeaning.agentsHackingTheirReward(NEAR),
				DAY);
		save(PapersByMeaning.imageClassification(IMAGES)
			.withCategories("cs.CV")
			.withUpvotes(2), DAY);
		save(PapersByMeaning.translation(TRANSLATION)
			.withCategories("cs.CL", "cs.CV")
			.withUpvotes(5), DAY);
		save(PapersByMeaning.knittingCompilers(BY_FOLLOWED)
			.withAuthors("Grace Hopper", "Alan Turing"), DAY);
		save(PapersByMeaning.rewardHacking(DISMISSED), DAY);
		await("every paper embedded").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.vectors.vectorsOf(ALL).size() == ALL.size());
		seeded = true;
	}

	private void save(TestPapers paper, LocalDate day) {
		String id = paper.build().id();
		this.catalog.savePaper(paper.build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day));
	}

	private Member readerOfRewardTampering() {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), SAVED, true);
		this.library.notInterested(member.id(), DISMISSED, true);
		return member;
	}

	@Test
	void aReaderWhoSavesAPaperFindsTheirModelTrainedAgainInTheBackgroundBeforeTheirNextView() throws Exception {
		Member member = readerOfRewardTampering();
		as(member, get("/api/papers/for-you")).andExpect(status().isOk());
		assertThat(this.forYou.ready(member.id())).isTrue();

		this.library.save(member.id(), IMAGES, true);
		await().until(() -> this.forYou.ready(member.id()));

		as(member, get("/api/papers/for-you")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id", not(hasItem(IMAGES))));
	}

	@Test
	void aMemberWhoHasNotReadTheirFeedLatelyIsNotTrainedInTheBackground() {
		Member member = readerOfRewardTampering();
		this.library.save(member.id(), IMAGES, true);

		assertThat(this.forYou.ready(member.id())).isFalse();
	}

	@Test
	void aSavedPaperRanksTheNearestPaperOfTheWeekFirstAndSaysWhy() throws Exception {
		Member member = readerOfRewardTampering();

		as(member, get("/api/papers/for-you")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].paper.id").value(NEAR))
			.andExpect(jsonPath("$[0].reason").value("Because you saved “Reward Tampering in Reinforcement Learning Agents”"))
			.andExpect(jsonPath("$[0].title").value("Agents That Hack Their Reward Function"))
			.andExpect(jsonPath("$[0].thumbnail").value("https://papers.example.org/papers/" + NEAR + "/thumbnail"))
			.andExpect(jsonPath("$", hasSize(4)));
	}

	@Test
	void aPaperTheMemberIsNotInterestedInNeverAppearsNorOneTheySaved() throws Exception {
		Member member = readerOfRewardTampering();

		as(member, get("/api/papers/for-you").param("from", "2025-05-01").param("to", "2025-06-02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id", not(hasItem(DISMISSED))))
			.andExpect(jsonPath("$[*].paper.id", not(hasItem(SAVED))))
			.andExpect(jsonPath("$", hasSize(4)));
		String html = page(member, "/papers/for-you");
		assertThat(html).doesNotContain("/papers/" + DISMISSED + "\"");
	}

	@Test
	void aFollowedAuthorsPaperComesFirstWithItsReason() throws Exception {
		Member member = readerOfRewardTampering();
		this.library.follow(member.id(), "Grace Hopper", true);

		as(member, get("/api/papers/for-you").param("limit", "2")).andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].paper.id").value(BY_FOLLOWED))
			.andExpect(jsonPath("$[0].reason").value("By Grace Hopper, whom you follow"))
			.andExpect(jsonPath("$[1].paper.id").value(NEAR));
	}

	@Test
	void aPaperByAnAuthorOfTwoSavedPapersIsExplainedByThatAuthor() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), SAVED, true);
		this.library.save(member.id(), IMAGES, true);

		as(member, get("/api/papers/for-you")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.paper.id == '" + NEAR + "')].reason",
					hasItem(matchesPattern("By Ada Lovelace, like “(Reward Tampering in Reinforcement Learning Agents|Image Classification with Convolutional Networks)” you saved"))))
			.andExpect(jsonPath("$[*].reason", everyItem(matchesPattern("By (Ada Lovelace|Alan Turing), like “.+” you saved"))));
	}

	@Test
	void thePageShowsCardsWithTheirReasonsAndTheMenuLinksToIt() throws Exception {
		Member member = readerOfRewardTampering();

		String html = page(member, "/papers/for-you");
		assertThat(html).contains("<a href=\"/papers/for-you\" aria-current=\"page\">For you</a>")
			.contains("<p class=\"reason\">Because you saved “Reward Tampering in Reinforcement Learning Agents”</p>")
			.doesNotContain("Start your feed");
		assertThat(html.indexOf("/papers/" + NEAR + "\"")).isLessThan(html.indexOf("/papers/" + IMAGES + "\""));
		assertThat(page(member, "/papers/trending")).contains("<a href=\"/papers/for-you\"");
	}

	@Test
	void aVisitorSeesNoForYouLink() throws Exception {
		this.mvc.perform(get("/papers/trending")).andExpect(content().string(not(containsString("/papers/for-you"))));
	}

	@Test
	void aMemberWithoutSignalsIsOfferedAColdStartThatSavesThePastedIds() throws Exception {
		Member member = TestMembers.create(this.accounts);

		String html = page(member, "/papers/for-you");
		assertThat(HtmlText.of(html)).contains("Start your feed");
		assertThat(html).contains("action=\"/papers/for-you/start\"").contains("href=\"/papers/trending\"");

		as(member, post("/papers/for-you/start").param("ids", "https://arxiv.org/abs/2505.00001v2\n" + IMAGES).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/for-you"));

		assertThat(this.library.savedIds(member.id())).containsExactlyInAnyOrder(SAVED, IMAGES);
		assertThat(HtmlText.of(page(member, "/papers/for-you"))).doesNotContain("Start your feed");
	}

	@Test
	void aColdStartWithTextThatIsNotAnIdSavesNothingAndKeepsTheText() throws Exception {
		Member member = TestMembers.create(this.accounts);

		as(member, post("/papers/for-you/start").param("ids", SAVED + " reward hacking").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Not arXiv ids: reward, hacking. Nothing was saved.")))
			.andExpect(content().string(containsString(">" + SAVED + " reward hacking</textarea>")));
		as(member, post("/papers/for-you/start").param("ids", SAVED + ", 2401.99999").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Not on this site yet: 2401.99999. Nothing was saved.")));
		as(member, post("/papers/for-you/start").param("ids", " ").with(csrf())).andExpect(status().isBadRequest());

		assertThat(this.library.savedIds(member.id())).isEmpty();
	}

	@Test
	void aMemberWhoPicksCategoriesSeesTheirMostUpvotedPapersFirstWithTheReasonAndCanRemoveThem() throws Exception {
		Member member = TestMembers.create(this.accounts);

		String html = page(member, "/papers/for-you");
		assertThat(html).contains("<input type=\"checkbox\" name=\"category\" value=\"cs.CV\">");
		as(member, post("/papers/for-you/start").param("category", "cs.CV").param("otherCategories", "cs.CL, stat.ML")
			.param("ids", "").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/for-you"));

		assertThat(this.library.savedIds(member.id())).isEmpty();
		as(member, get("/api/papers/for-you")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].paper.id").value(TRANSLATION))
			.andExpect(jsonPath("$[0].reason").value("In cs.CL, which you picked"))
			.andExpect(jsonPath("$[1].paper.id").value(IMAGES))
			.andExpect(jsonPath("$[1].reason").value("In cs.CV, which you picked"))
			.andExpect(jsonPath("$[2].reason").value("Recent in this window"));
		html = page(member, "/papers/for-you");
		assertThat(html).contains("<input type=\"checkbox\" name=\"category\" value=\"cs.CV\" checked>")
			.contains("<input type=\"checkbox\" name=\"category\" value=\"stat.ML\" checked>")
			.contains("the categories you picked");
		assertThat(HtmlText.of(page(member, "/settings/signals"))).contains("Categories you picked 3");
		as(member, get("/settings/signals.json")).andExpect(jsonPath("$.categories[*].category", hasItem("stat.ML")));

		as(member, post("/library/categories").param("category", "cs.CL").param("back", "/settings/signals").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/settings/signals"));
		assertThat(this.library.pickedCategories(member.id())).extracting(PickedCategory::category)
			.containsExactly("cs.CV", "stat.ML");
	}

	@Test
	void onceTheMemberHasSignalsAPickedCategoryStillLiftsItsPapersWithTheModelsReason() throws Exception {
		Member member = readerOfRewardTampering();
		as(member, get("/api/papers/for-you")).andExpect(jsonPath("$[0].paper.id").value(NEAR));

		this.library.pickCategories(member.id(), List.of("cs.CL"));

		as(member, get("/api/papers/for-you")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].paper.id").value(TRANSLATION))
			.andExpect(jsonPath("$[0].reason", containsString("Because you saved")))
			.andExpect(jsonPath("$[1].paper.id").value(NEAR))
			.andExpect(jsonPath("$", hasSize(4)));
	}

	@Test
	void pastedTitlesAreFoundByTheirExactWordsAndSaved() throws Exception {
		Member member = TestMembers.create(this.accounts);

		as(member, post("/papers/for-you/start")
			.param("ids", "agents that hack their  reward function.\n\n" + IMAGES + "\nLARGE LANGUAGE MODELS FOR TRANSLATION")
			.with(csrf())).andExpect(status().isSeeOther());

		assertThat(this.library.savedIds(member.id())).containsExactlyInAnyOrder(NEAR, IMAGES, TRANSLATION);
	}

	@Test
	void aTitleWithoutAnExactMatchOrABadCategorySavesNothingAndKeepsTheText() throws Exception {
		Member member = TestMembers.create(this.accounts);

		as(member, post("/papers/for-you/start").param("ids", IMAGES + "\nAgents That Hack Their Reward\nA Paper Nobody Wrote")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("No paper on this site has the title “Agents That Hack Their Reward”, "
					+ "“A Paper Nobody Wrote”. Check the title, or paste its arXiv id. Nothing was saved.")))
			.andExpect(content().string(containsString(">" + IMAGES + "\nAgents That Hack Their Reward\nA Paper Nobody Wrote</textarea>")));
		as(member, post("/papers/for-you/start").param("ids", IMAGES).param("category", "cs.CV")
			.param("otherCategories", "cs.CL!").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Not arXiv categories: cs.CL!. A category looks like cs.CL or hep-th. Nothing was saved.")))
			.andExpect(content().string(containsString("value=\"cs.CL!\"")))
			.andExpect(content().string(containsString("value=\"cs.CV\" checked>")));
		as(member, post("/papers/for-you/start").param("category", "cs.CV").param("ids", "").with(csrf()))
			.andExpect(status().isSeeOther());

		assertThat(this.library.savedIds(member.id())).isEmpty();
		assertThat(this.library.pickedCategories(member.id())).extracting(PickedCategory::category).containsExactly("cs.CV");
	}

	@Test
	void aPaperPageOffersToFollowEachOfItsAuthors() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.follow(member.id(), "Alan Turing", true);

		String html = page(member, "/papers/" + BY_FOLLOWED);

		assertThat(html).contains("<summary>Follow an author</summary>")
			.contains("<input type=\"hidden\" name=\"name\" value=\"Grace Hopper\">")
			.contains("<input type=\"hidden\" name=\"back\" value=\"/papers/" + BY_FOLLOWED + "\">");
		assertThat(HtmlText.of(html)).contains("Grace Hopper Follow").contains("Alan Turing Following");
		assertThat(this.mvc.perform(get("/papers/" + BY_FOLLOWED)).andReturn().getResponse().getContentAsString())
			.doesNotContain("Follow an author");
	}

	@Test
	void aVisitorIsSentToSignInAndAnApiCallerIsRefused() throws Exception {
		this.mvc.perform(get("/papers/for-you"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/signin?continue=")));
		this.mvc.perform(get("/api/papers/for-you"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Sign in to see the papers picked for you."));
	}

	@Test
	void aBadWindowOrLimitIsRefusedWithTheReason() throws Exception {
		Member member = readerOfRewardTampering();

		for (String[] bad : new String[][] { { "from", "2025-13-01" }, { "to", "yesterday" }, { "limit", "0" },
				{ "limit", "101" }, { "limit", "ten" } }) {
			as(member, get("/api/papers/for-you").param(bad[0], bad[1])).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString(bad[0])));
		}
		as(member, get("/api/papers/for-you").param("from", "2025-06-03").param("to", "2025-06-02"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("from (2025-06-03) must not be after to (2025-06-02)."));
		as(member, get("/api/papers/for-you").param("from", "2024-01-01").param("to", "2025-06-02"))
			.andExpect(status().isBadRequest());
		as(member, get("/papers/for-you").param("from", "someday")).andExpect(status().isBadRequest());
	}

	@Test
	void anEarlierWindowHoldsThatWindowsPapers() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), NEAR, true);

		as(member, get("/api/papers/for-you").param("from", "2025-05-01").param("to", "2025-05-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].paper.id").value(SAVED))
			.andExpect(jsonPath("$[0].reason").value("Because you saved “Agents That Hack Their Reward Function”"));
	}

	@Test
	void aPaperNotEmbeddedYetIsRankedByItsWords() throws Exception {
		Member member = readerOfRewardTampering();
		String fresh = "2506.00006";

		try (IndexOutages.Outage outage = IndexOutages.stopWriting(this.context)) {
			save(TestPapers.paper(fresh)
				.withTitle("Reward Models That Cannot Be Tampered With")
				.withSummary("A reward model that reinforcement learning agents cannot modify."), DAY);

			// its words are those of the saved paper's: it comes first, for the same reason
			as(member, get("/api/papers/for-you")).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(5)))
				.andExpect(jsonPath("$[0].paper.id").value(fresh))
				.andExpect(jsonPath("$[0].reason", startsWith("Because you saved ")))
				.andExpect(jsonPath("$[1].paper.id").value(NEAR));
			String html = page(member, "/papers/for-you");
			assertThat(html).doesNotContain("New, not yet read by the model");
			assertThat(html.indexOf("/papers/" + fresh + "\"")).isLessThan(html.indexOf("/papers/" + IMAGES + "\""));
		}
	}

	@Test
	void whenTheIndexCannotAnswerTheWindowIsRankedByItsWordsAndThePageStillOpens() throws Exception {
		Member member = readerOfRewardTampering();

		try (IndexOutages.Outage outage = IndexOutages.heldElsewhere(this.context)) {
			as(member, get("/api/papers/for-you")).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].paper.id", org.hamcrest.Matchers.containsInAnyOrder(NEAR, IMAGES, TRANSLATION, BY_FOLLOWED)))
				.andExpect(jsonPath("$[*].reason", not(hasItem("New, not yet read by the model"))))
				.andExpect(jsonPath("$[*].reason", hasItem(startsWith("Because you saved "))));
			String html = page(member, "/papers/for-you");
			assertThat(HtmlText.of(html)).contains("Because you saved").doesNotContain("New, not yet read by the model");
			assertThat(html).doesNotContain("/papers/" + DISMISSED + "\"");
		}
		as(member, get("/api/papers/for-you")).andExpect(jsonPath("$[0].reason", startsWith("Because you saved ")));
	}

	@Test
	void aWindowAfterTheLastDayWithPapersSaysSoAndOffersTheWindowOfThatDay() throws Exception {
		Member member = readerOfRewardTampering();
		this.clock.set(MutableClock.Configuration.START.plus(Duration.ofDays(120)));

		String html = page(member, "/papers/for-you");
		assertThat(HtmlText.of(html)).contains("Nothing was listed or published from 2025-09-24 to 2025-09-30: "
				+ "the most recent papers are of 2025-06-02. See the 2025-05-27 to 2025-06-02 window");
		assertThat(html).contains("<a href=\"/papers/for-you?from=2025-05-27&amp;to=2025-06-02\">");
		assertThat(page(member, "/papers/for-you?from=2025-05-27&to=2025-06-02")).contains("/papers/" + NEAR + "\"")
			.doesNotContain("Nothing was listed");
	}

	@Test
	void anEmptyWindowBeforeTheLastDayWithPapersIsOnlySaidToBeEmpty() throws Exception {
		Member member = readerOfRewardTampering();

		String html = page(member, "/papers/for-you?from=2025-05-10&to=2025-05-16");
		assertThat(HtmlText.of(html)).contains("No papers in this window yet.").doesNotContain("Nothing was listed");
	}

	private ResultActions as(Member member, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(TestMembers.signedIn(member)));
	}

	private String page(Member member, String path) throws Exception {
		return as(member, get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
