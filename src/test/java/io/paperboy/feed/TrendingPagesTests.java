package io.paperboy.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.community.Votes;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /papers/trending} and {@code GET /api/daily_papers?sort=trending}, with a clock the tests move. */
@WebTest
class TrendingPagesTests {

	/** Sunday evening of ISO week 2025-W22 (May 26 to June 1). */
	private static final Instant SUNDAY_EVENING = Instant.parse("2025-06-01T20:00:00Z");

	private static final Pattern CARD = Pattern.compile("<article class=\"card\">.*?</article>", Pattern.DOTALL);

	private static final Pattern CARD_ID = Pattern.compile("<h3><a href=\"/papers/([^\"]+)\">");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Autowired
	private Votes votes;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@BeforeEach
	void emptyCatalog() {
		this.clock.set(SUNDAY_EVENING);
		CatalogTables.empty(this.jdbc, this.events);
	}

	@Test
	void thePageRanksPapersByTrendingScoreAndSaysWhy() throws Exception {
		// Monday's hit has decayed four half-lives by Sunday evening; Sunday's papers have not
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		list("2505.00003", 5, "2025-06-01T18:00:00Z");

		String html = page();

		assertThat(cardIds(html)).containsExactly("2505.00002", "2505.00003", "2505.00001");
		assertThat(html).contains("<title>Trending papers · Paperboy</title>")
			.contains("<a href=\"/papers/trending\" aria-current=\"page\">Trending</a>")
			.contains("halves every 36 h");
		List<String> reasons = cards(html).stream().map(TrendingPagesTests::reason).toList();
		assertThat(reasons).containsExactly("+20 votes in the last 24 h", "+5 votes in the last 24 h",
				"30 votes since it was listed on May 26, 2025, none in the last 24 h");
		assertThat(html).doesNotContain("score").doesNotContain("No votes in the last");
	}

	@Test
	void aVoteShowsOnThePageAtOnce() throws Exception {
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00003", 1, "2025-06-01T18:00:00Z");
		assertThat(cardIds(page())).containsExactly("2505.00001", "2505.00003");

		for (int i = 0; i < 2; i++) {
			this.votes.upvote("2505.00003", member());
		}

		String html = page();
		assertThat(cardIds(html)).containsExactly("2505.00003", "2505.00001");
		assertThat(HtmlText.of(cards(html).get(0))).startsWith("▲ 3 upvotes").contains("+3 votes in the last 24 h");
	}

	@Test
	void cardsCarryASparklineWhenVotesCameOnMoreThanOneDayAndTheNewBadgeWhileItLasts() throws Exception {
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		this.votes.upvote("2505.00001", member());

		List<String> cards = cards(page());

		assertThat(cardIds(cards.get(0) + cards.get(1))).containsExactly("2505.00002", "2505.00001");
		// imported votes on the day it was listed, nothing since: a single spike says no more than the count
		assertThat(cards.get(0)).doesNotContain("<svg").contains("class=\"badge-new\"");
		assertThat(cards.get(1)).contains("<svg").contains("31 votes in the last 14 days")
			.doesNotContain("class=\"badge-new\"");

		this.clock.set(SUNDAY_EVENING.plus(Duration.ofDays(1)));
		assertThat(page()).doesNotContain("class=\"badge-new\"");
	}

	@Test
	void aSiteWhosePapersAreMonthsOlderThanTheClockSaysSoAndShowsNoFlatLinesOrTinyScores() throws Exception {
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		this.clock.set(Instant.parse("2026-03-18T09:00:00Z"));

		String html = page();
		String text = HtmlText.of(html);

		assertThat(cardIds(html)).containsExactly("2505.00002", "2505.00001");
		assertThat(text).contains("No votes in the last 24 h: papers rank by their earlier votes, which count less the "
				+ "older they are. The latest of them entered the daily list on Jun 1, 2025.")
			.contains("20 votes since it was listed on Jun 1, 2025, none in the last 24 h")
			.doesNotContain("score")
			.doesNotContainPattern("[0-9]e-[0-9]");
		assertThat(html).doesNotContain("<svg");
	}

	@Test
	void thePageAdvertisesTheTrendingFeedsWhichListTheSamePapersInTheSameOrder() throws Exception {
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		String html = page();

		assertThat(html.substring(0, html.indexOf("</head>")))
			.contains("type=\"application/rss+xml\" title=\"Paperboy: trending papers (RSS)\" href=\"/papers/trending/feed.xml\"")
			.contains("href=\"/papers/trending/feed.atom\"");
		for (String feed : List.of("/papers/trending/feed.xml", "/papers/trending/feed.atom")) {
			String xml = this.mvc.perform(get(feed)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			com.rometools.rome.feed.synd.SyndFeed parsed = new com.rometools.rome.io.SyndFeedInput()
				.build(new java.io.StringReader(xml));
			assertThat(parsed.getEntries()).extracting(com.rometools.rome.feed.synd.SyndEntry::getLink)
				.containsExactly("https://papers.example.org/papers/2505.00002",
						"https://papers.example.org/papers/2505.00001");
		}
	}

	@Test
	void anEmptyCatalogHasAnEmptyTrendingPage() throws Exception {
		assertThat(page()).contains("No papers yet.");
	}

	@Test
	void theApiSortedByTrendingWithoutAListIsTheTrendingListAcrossDays() throws Exception {
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		list("2505.00003", 5, "2025-06-01T18:00:00Z");
		this.votes.upvote("2505.00001", member());

		this.mvc.perform(get("/api/daily_papers").param("sort", "trending"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[*].paper.id").value(contains("2505.00002", "2505.00003", "2505.00001")))
			.andExpect(jsonPath("$[*].paper.upvotes").value(contains(20, 5, 31)))
			.andExpect(jsonPath("$[2].publishedAt").value("2025-05-26T20:00:00.000Z"));
	}

	@Test
	void theTrendingListIsPagedWithNextLinks() throws Exception {
		for (int i = 1; i <= 5; i++) {
			list("2505.0000" + i, i * 10, "2025-06-01T12:00:00Z");
		}

		MvcResult first = this.mvc.perform(get("/api/daily_papers").param("sort", "trending").param("limit", "2"))
			.andExpect(header().string(HttpHeaders.LINK,
					"<https://papers.example.org/api/daily_papers?sort=trending&p=1&limit=2>; rel=\"next\""))
			.andReturn();
		MvcResult second = this.mvc.perform(get(URI.create(nextLink(first)))).andReturn();
		MvcResult third = this.mvc.perform(get(URI.create(nextLink(second)))).andReturn();

		assertThat(third.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		List<String> all = new ArrayList<>();
		for (MvcResult page : List.of(first, second, third)) {
			all.addAll(JsonPath.read(page.getResponse().getContentAsString(), "$[*].paper.id"));
		}
		assertThat(all).containsExactly("2505.00005", "2505.00004", "2505.00003", "2505.00002", "2505.00001");
		assertThat(ids(get("/api/daily_papers").param("sort", "trending").param("p", "3").param("limit", "2")))
			.isEmpty();
	}

	@Test
	void aWeekSortedByTrendingPutsRecentVotesBeforeOldUpvotes() throws Exception {
		list("2505.00001", 30, "2025-05-26T20:00:00Z");
		list("2505.00002", 20, "2025-06-01T08:00:00Z");
		list("2505.00009", 99, "2025-06-02T08:00:00Z");

		assertThat(ids(get("/api/daily_papers").param("week", "2025-W22").param("sort", "trending")))
			.containsExactly("2505.00002", "2505.00001");
		// without a sort a week comes most upvoted first, as on Hugging Face
		assertThat(ids(get("/api/daily_papers").param("week", "2025-W22"))).containsExactly("2505.00001",
				"2505.00002");
		this.clock.advance(Duration.ofDays(-5));
		this.catalog.placeOnDailyList(entry("2505.00002", "2025-05-27T08:00:00Z"));
		assertThat(ids(get("/api/daily_papers").param("week", "2025-W22").param("sort", "trending")))
			.containsExactly("2505.00001", "2505.00002");
	}

	private void list(String id, int upvotes, String submittedAt) {
		Instant at = Instant.parse(submittedAt);
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), LocalDate.ofInstant(at, ZoneOffset.UTC));
		this.catalog.placeOnDailyList(entry(id, submittedAt));
	}

	private static DailyEntry entry(String id, String submittedAt) {
		Instant at = Instant.parse(submittedAt);
		return new DailyEntry(id, LocalDate.ofInstant(at, ZoneOffset.UTC), at, null, null, List.of(), null, null);
	}

	/** A member whose account is a month old. */
	private long member() {
		Instant now = this.clock.instant();
		this.clock.set(now.minus(Duration.ofDays(30)));
		long id = this.users.ensureImported("member-" + System.nanoTime(), null, null, null).id();
		this.clock.set(now);
		return id;
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/papers/trending"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> ids(RequestBuilder request) throws Exception {
		return JsonPath.read(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(), "$[*].paper.id");
	}

	private static String nextLink(MvcResult result) {
		Matcher matcher = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(result.getResponse().getHeader(HttpHeaders.LINK));
		assertThat(matcher.matches()).isTrue();
		return matcher.group(1);
	}

	private static List<String> cards(String html) {
		return CARD.matcher(html).results().map((match) -> match.group()).toList();
	}

	private static List<String> cardIds(String html) {
		return CARD_ID.matcher(html).results().map((match) -> match.group(1)).toList();
	}

	private static String reason(String card) {
		Matcher matcher = Pattern.compile("<p class=\"reason\">(.*?)</p>", Pattern.DOTALL).matcher(card);
		assertThat(matcher.find()).isTrue();
		return HtmlText.of(matcher.group(1));
	}

}
