package io.paperboy.search;

import java.time.Duration;
import java.time.LocalDate;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.HtmlText;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@TestPropertySource(properties = "paperboy.search.embeddings=true")
class SearchPagesTests {

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private IndexSync sync;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	/** Whether the four papers are in the catalog as written below: a test that changes them clears it. */
	private static boolean seeded;

	@BeforeEach
	void catalogOfFourPapers() {
		if (seeded && this.catalog.countPapers() == 4) {
			return;
		}
		CatalogTables.empty(this.jdbc, this.events);
		save(TestPapers.paper("2506.00001")
			.withTitle("Reward Tampering in\n Reinforcement Learning Agents")
			.withSummary("We study agents that modify their own reward signal instead of solving the task.")
			.withCategories("cs.LG", "cs.AI")
			.withUpvotes(50));
		save(TestPapers.paper("2506.00002")
			.withTitle("Specification Gaming: When Optimisers Exploit Loopholes")
			.withSummary("Trained policies find unintended shortcuts that score well on the objective but violate its intent.")
			.withCategories("cs.AI")
			.withUpvotes(10));
		save(TestPapers.paper("2506.00003")
			.withTitle("Image Classification with Convolutional Networks")
			.withSummary("A convolutional network classifies <b>images</b> of animals with high accuracy.")
			.withCategories("cs.CV")
			.publishedAt(java.time.Instant.parse("2023-03-01T00:00:00Z")));
		save(TestPapers.paper("2506.00004")
			.withTitle("Large Language Models for Translation")
			.withSummary("Language models translate between English and French without parallel data.")
			.withCategories("cs.CL"));
		IndexedCatalog.awaitIndexed(this.sync);
		seeded = true;
	}

	private void save(TestPapers paper) {
		String id = paper.build().id();
		this.catalog.savePaper(paper.build(), DAY);
		this.catalog.placeOnDailyList(TestPapers.entry(id, DAY));
	}

	@Test
	void theSearchPageShowsCardsWithTheMatchedWordsMarked() throws Exception {
		String html = page("/papers/search?q=reward%20tampering&mode=text");
		assertThat(html).contains("<a href=\"/papers/2506.00001\"><mark>Reward Tampering</mark> in Reinforcement Learning Agents</a>");
		assertThat(html).contains("own <mark>reward</mark> signal");
		assertThat(HtmlText.of(html)).contains("1 paper found");
		assertThat(html).doesNotContain("/papers/2506.00003\"");
	}

	@Test
	void theSearchPageOffersFacetsThatNarrowTheResults() throws Exception {
		String html = page("/papers/search?q=networks%20agents%20loopholes&mode=text");
		assertThat(HtmlText.of(html)).contains("3 papers found").contains("cs.AI 2").contains("2023 1").contains("2024 2");
		assertThat(html).contains("href=\"/papers/search?q=networks+agents+loopholes&amp;mode=text&amp;category=cs.AI\"");
		String narrowed = page("/papers/search?q=networks%20agents%20loopholes&mode=text&category=cs.AI");
		assertThat(HtmlText.of(narrowed)).contains("2 papers found in cs.AI");
		assertThat(HtmlText.of(page("/papers/search?q=networks%20agents%20loopholes&mode=text&year=2023")))
			.contains("1 paper found in 2023");
	}

	@Test
	void pastAThousandPapersThePageSaysMoreThanAndWhatItsFacetsCount() throws Exception {
		for (int i = 1; i <= PaperSearcher.COUNTED + 1; i++) {
			this.catalog.savePaper(TestPapers.paper(String.format(java.util.Locale.ROOT, "2507.%05d", i))
				.withTitle("Planning Robots, Part " + i)
				.withSummary("Robots plan their moves.")
				.withCategories((i % 4 == 0) ? "cs.RO" : "cs.LG")
				.build(), DAY);
		}
		this.sync.flush();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.sync.index().count() >= PaperSearcher.COUNTED + 5);
		String all = HtmlText.of(page("/papers/search?q=planning&mode=text"));
		assertThat(all).contains("More than 1,000 papers found")
			.contains("Counted among the 1,000 papers that match your words best.");
		assertThat(HtmlText.of(page("/papers/search?q=planning&mode=text&sort=date")))
			.contains("Counted among the 1,000 newest papers found.");
		// the facet's link finds every paper of its category, counted exactly
		String robotics = HtmlText.of(page("/papers/search?q=planning&mode=text&category=cs.RO"));
		assertThat(robotics).contains("250 papers found in cs.RO").doesNotContain("More than").doesNotContain("Counted among");
	}

	@Test
	void markupInAnAbstractIsShownAsText() throws Exception {
		String html = page("/papers/search?q=convolutional&mode=text");
		assertThat(html).contains("&lt;b&gt;images&lt;/b&gt;").doesNotContain("<b>images</b>");
	}

	@Test
	void theSearchPageFindsPapersByMeaning() throws Exception {
		String html = page("/papers/search?q=systems%20that%20hack%20their%20incentive&mode=semantic");
		assertThat(html).contains("/papers/2506.00001\"").doesNotContain("/papers/2506.00003\"");
	}

	@Test
	void anEmptyQueryShowsTheFormAlone() throws Exception {
		String html = page("/papers/search");
		assertThat(html).contains("<form class=\"search-form\"").doesNotContain("found");
	}

	@Test
	void everyPageHasASearchBoxInItsHeader() throws Exception {
		assertThat(page("/papers/date/2025-06-02")).contains("<form class=\"header-search\" action=\"/papers/search\"");
	}

	@Test
	void theApiAnswersItemsShapedLikeTheDailyListWithHighlights() throws Exception {
		this.mvc.perform(get("/api/papers/search").param("q", "reward tampering").param("mode", "text"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].paper.id").value("2506.00001"))
			.andExpect(jsonPath("$[0].paper.upvotes").value(50))
			.andExpect(jsonPath("$[0].title").value("Reward Tampering in\n Reinforcement Learning Agents"))
			.andExpect(jsonPath("$[0].publishedAt").value("2025-06-02T12:00:00.000Z"))
			.andExpect(jsonPath("$[0].numComments").value(0))
			.andExpect(jsonPath("$[0].thumbnail").value("https://papers.example.org/papers/2506.00001/thumbnail"))
			.andExpect(jsonPath("$[0].highlightedTitle[0].type").value("highlight"))
			.andExpect(jsonPath("$[0].highlightedTitle[0].text").value("Reward Tampering"))
			.andExpect(jsonPath("$[0].highlightedTitle[1].type").value("text"))
			.andExpect(jsonPath("$[0].highlightedTitle[1].text").value(" in Reinforcement Learning Agents"))
			.andExpect(jsonPath("$[0].highlightedSummary[1].text").value("reward"));
	}

	@Test
	void theApiLimitsTheNumberOfItems() throws Exception {
		this.mvc.perform(get("/api/papers/search").param("q", "agents networks translation loopholes").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void aQueryLuceneCannotParseStillFindsItsWords() throws Exception {
		this.mvc.perform(get("/api/papers/search").param("q", "(reward AND \"tampering").param("mode", "text"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].paper.id").value("2506.00001"));
	}

	@Test
	void aQueryOverTwoHundredAndFiftyCharactersIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/papers/search").param("q", "a".repeat(251)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		this.mvc.perform(get("/api/papers/search").param("q", "a".repeat(250))).andExpect(status().isOk());
		this.mvc.perform(get("/papers/search").param("q", "a".repeat(251))).andExpect(status().isBadRequest());
	}

	@Test
	void aLimitOutsideOneToOneHundredAndTwentyIsABadRequest() throws Exception {
		for (String limit : new String[] { "0", "121", "-1", "ten" }) {
			this.mvc.perform(get("/api/papers/search").param("q", "agents").param("limit", limit))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
		this.mvc.perform(get("/api/papers/search").param("q", "agents").param("limit", "120")).andExpect(status().isOk());
	}

	@Test
	void malformedModesSortsAndDatesAreBadRequests() throws Exception {
		this.mvc.perform(get("/api/papers/search").param("q", "agents").param("mode", "magic"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/papers/search").param("q", "agents").param("sort", "random"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/papers/search").param("q", "agents").param("from", "2025-13-01"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/papers/search")).andExpect(status().isBadRequest());
	}

	@Test
	void aPaperPageListsSimilarPapersWithoutItself() throws Exception {
		String html = page("/papers/2506.00001");
		String similar = html.substring(html.indexOf("<section class=\"similar\">"));
		assertThat(similar).contains("/papers/2506.00002").doesNotContain("/papers/2506.00001\"");
		assertThat(similar.indexOf("/papers/2506.00002")).isLessThan(similar.indexOf("/papers/2506.00003"));
	}

	@Test
	void theSimilarPapersApiAnswersTheNearestPapers() throws Exception {
		this.mvc.perform(get("/api/papers/2506.00001/similar"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].id").value("2506.00002"));
		this.mvc.perform(get("/api/papers/2506.09999/similar")).andExpect(status().isNotFound());
	}

	@Test
	void theSimilarPapersApiHonoursItsLimitUpToFifty() throws Exception {
		this.mvc.perform(get("/api/papers/2506.00001/similar").param("limit", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value("2506.00002"));
		this.mvc.perform(get("/api/papers/2506.00001/similar").param("limit", "50")).andExpect(status().isOk());
		for (String limit : new String[] { "51", "0", "-1", "ten" }) {
			this.mvc.perform(get("/api/papers/2506.00001/similar").param("limit", limit))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void theCountSaysWhatItCounts() throws Exception {
		assertThat(HtmlText.of(page("/papers/search?q=reward%20tampering&mode=text"))).contains("1 paper found");
		assertThat(HtmlText.of(page("/papers/search?q=learning%20agents%20that%20exploit%20their%20objective")))
			.contains("2 papers found, all with your words");
		assertThat(HtmlText.of(page("/papers/search?q=systems%20that%20hack%20their%20incentive")))
			.contains("1 paper found close in meaning");
		assertThat(HtmlText.of(page("/papers/search?q=systems%20that%20hack%20their%20incentive&mode=semantic")))
			.contains("1 paper found close in meaning");
	}

	@Test
	void aQueryThatMatchesNothingSaysSo() throws Exception {
		for (String query : new String[] { "xyzzyplugh", "author:hinton", "%22reward%20signal%20tampering%22",
				"author:%22Grace%20Hopper%22" }) {
			String text = HtmlText.of(page("/papers/search?q=" + query));
			assertThat(text).as(query).contains("No papers found").doesNotContain("paper found");
		}
		assertThat(HtmlText.of(page("/papers/search?q=xyzzyplugh"))).contains("No papers match")
			.doesNotContain("Search by meaning for");
		this.mvc.perform(get("/api/papers/search").param("q", "xyzzyplugh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void whenWordsFindNothingASearchByMeaningIsOfferedIfItFindsSomethingClose() throws Exception {
		String html = page("/papers/search?q=%22agents%20that%20tamper%20with%20their%20rewards%22");
		assertThat(HtmlText.of(html)).contains("No papers found")
			.contains("Search by meaning for “agents that tamper with their rewards”");
		assertThat(html).contains("href=\"/papers/search?q=agents+that+tamper+with+their+rewards&amp;mode=semantic\"");
		String offered = page("/papers/search?q=agents+that+tamper+with+their+rewards&mode=semantic");
		assertThat(offered).contains("/papers/2506.00001\"");
	}

	@Test
	void aChangedPaperIsFoundByItsNewWordsOnceTheIndexRefreshes() {
		seeded = false;
		this.catalog.savePaper(TestPapers.paper("2506.00004")
			.withTitle("Quantum Annealing for Scheduling")
			.withSummary("An annealer schedules trains.")
			.build(), DAY.plusDays(1));

		// the index's own refresh (every 250 ms) makes it visible; a busy machine only makes that later
		await("the changed paper to be found by its new words").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.perform(get("/api/papers/search").param("q", "annealing").param("mode", "text"))
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("2506.00004"));
	}

	@Test
	void theStatusPageCountsPapersIndexedAndEmbedded() throws Exception {
		String text = HtmlText.of(page("/admin/search"));
		assertThat(text).contains("Papers in the database 4").contains("Papers indexed (found by words) 4")
			.contains("Papers embedded (found by meaning) 4 (100%)");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(java.net.URI.create(path)).with(io.paperboy.support.Operators.operator())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
