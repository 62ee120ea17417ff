package io.paperboy.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@ExtendWith(EmptyCatalog.class)
class PeriodPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void emptyCatalogLongAfterJune2025() {
		this.clock.set(Instant.parse("2026-01-15T12:00:00Z"));
	}

	@Test
	void aWeekListsThePapersListedMondayToSundayMostUpvotedFirst() throws Exception {
		listAt("2506.00001", "2025-06-02T08:00:00Z", 5);
		listAt("2506.00002", "2025-06-04T09:00:00Z", 40);
		listAt("2506.00003", "2025-06-08T23:00:00Z", 12);
		listAt("2506.00004", "2025-06-01T23:00:00Z", 99);
		listAt("2506.00005", "2025-06-09T00:30:00Z", 98);

		String html = page("/papers/week/2025-W23");

		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2506.00002", "2506.00003", "2506.00001");
		assertThat(DailyPagesTests.cards(html)).extracting((card) -> HtmlText.of(card).split(" ")[1])
			.containsExactly("40", "12", "5");
	}

	@Test
	void amongEqualUpvotesTheMostRecentlyListedComesFirst() throws Exception {
		listAt("2506.00001", "2025-06-02T08:00:00Z", 7);
		listAt("2506.00002", "2025-06-06T09:00:00Z", 7);
		listAt("2506.00003", "2025-06-04T10:00:00Z", 7);

		assertThat(DailyPagesTests.cardIds(page("/papers/week/2025-W23"))).containsExactly("2506.00002", "2506.00003",
				"2506.00001");
	}

	@Test
	void aMonthListsThePapersListedFromItsFirstToItsLastDayMostUpvotedFirst() throws Exception {
		listAt("2505.00001", "2025-05-31T23:59:00Z", 99);
		listAt("2506.00001", "2025-06-01T00:00:00Z", 3);
		listAt("2506.00002", "2025-06-17T10:00:00Z", 30);
		listAt("2506.00003", "2025-06-30T23:59:00Z", 8);
		listAt("2507.00001", "2025-07-01T00:00:00Z", 98);

		assertThat(DailyPagesTests.cardIds(page("/papers/month/2025-06"))).containsExactly("2506.00002", "2506.00003",
				"2506.00001");
	}

	@Test
	void aWeekPageIsHeadedWithItsNumberAndDaysAndIsOnTheWeeklyTab() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);

		String html = page("/papers/week/2025-W23");

		assertThat(html).contains("<h2><time datetime=\"2025-W23\">Week 23, 2025 · Jun 2 – Jun 8</time></h2>");
		assertThat(html).contains("<title>Weekly papers, Week 23, 2025 · Jun 2 – Jun 8 · Paperboy</title>");
		assertThat(html).contains("<a href=\"/papers/week\" aria-current=\"page\">Weekly</a>");
		assertThat(html).contains("<a href=\"/papers\">Daily</a>").contains("<a href=\"/papers/month\">Monthly</a>");
		assertThat(HtmlText.of(html)).contains("1 paper, most upvoted first");
	}

	@Test
	void aMonthPageIsHeadedWithItsNameAndIsOnTheMonthlyTab() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);
		list("2506.00002", LocalDate.of(2025, 6, 4), 1);

		String html = page("/papers/month/2025-06");

		assertThat(html).contains("<h2><time datetime=\"2025-06\">June 2025</time></h2>");
		assertThat(html).contains("<title>Monthly papers, June 2025 · Paperboy</title>");
		assertThat(html).contains("<a href=\"/papers/month\" aria-current=\"page\">Monthly</a>");
		assertThat(html).contains("<a href=\"/papers/week\">Weekly</a>");
		assertThat(HtmlText.of(html)).contains("2 papers, most upvoted first");
	}

	@Test
	void aWeekLinksToTheClosestEarlierAndLaterWeeksThatHavePapersSkippingEmptyOnes() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 14), 1); // week 20
		list("2506.00001", LocalDate.of(2025, 6, 4), 1); // week 23
		list("2506.00002", LocalDate.of(2025, 6, 29), 1); // week 26

		String html = page("/papers/week/2025-W23");

		assertThat(html).contains("<a rel=\"prev\" href=\"/papers/week/2025-W20\">← Previous week</a>");
		assertThat(html).contains("<a rel=\"next\" href=\"/papers/week/2025-W26\">Next week →</a>");
	}

	@Test
	void aMonthLinksToTheClosestEarlierAndLaterMonthsThatHavePapersSkippingEmptyOnes() throws Exception {
		list("2503.00001", LocalDate.of(2025, 3, 31), 1);
		list("2506.00001", LocalDate.of(2025, 6, 4), 1);
		list("2601.00001", LocalDate.of(2026, 1, 1), 1);

		String html = page("/papers/month/2025-06");

		assertThat(html).contains("<a rel=\"prev\" href=\"/papers/month/2025-03\">← Previous month</a>");
		assertThat(html).contains("<a rel=\"next\" href=\"/papers/month/2026-01\">Next month →</a>");
	}

	@Test
	void weeksAcrossTheTurnOfTheYearLinkByTheirIsoYear() throws Exception {
		list("2412.00001", LocalDate.of(2024, 12, 27), 1); // 2024-W52
		list("2412.00002", LocalDate.of(2024, 12, 31), 1); // 2025-W01
		list("2501.00001", LocalDate.of(2025, 1, 8), 1); // 2025-W02

		String html = page("/papers/week/2025-W01");

		assertThat(html).contains("Week 1, 2025 · Dec 30, 2024 – Jan 5, 2025");
		assertThat(DailyPagesTests.cardIds(html)).containsExactly("2412.00002");
		assertThat(html).contains("href=\"/papers/week/2024-W52\"").contains("href=\"/papers/week/2025-W02\"");
	}

	@Test
	void theFirstAndLastPeriodsLinkOnlyInwards() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 28), 1);
		list("2506.00001", LocalDate.of(2025, 6, 4), 1);

		String first = page("/papers/week/2025-W22");
		String last = page("/papers/month/2025-06");

		assertThat(first).doesNotContain("rel=\"prev\"").contains("<a rel=\"next\" href=\"/papers/week/2025-W23\">");
		assertThat(last).doesNotContain("rel=\"next\"").contains("<a rel=\"prev\" href=\"/papers/month/2025-05\">");
	}

	@Test
	void aPeriodWithoutPapersSaysSoAndLinksToItsNeighbours() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 14), 1);
		list("2506.00001", LocalDate.of(2025, 6, 25), 1);

		String week = page("/papers/week/2025-W23");
		String month = page("/papers/month/2025-04");

		assertThat(week).contains("No papers were listed in this week.").contains("Week 23, 2025 · Jun 2 – Jun 8");
		assertThat(DailyPagesTests.cardIds(week)).isEmpty();
		assertThat(week).contains("href=\"/papers/week/2025-W20\"").contains("href=\"/papers/week/2025-W26\"");
		assertThat(month).contains("No papers were listed in this month.").contains("April 2025");
		assertThat(month).doesNotContain("rel=\"prev\"").contains("<a rel=\"next\" href=\"/papers/month/2025-05\">");
	}

	@Test
	void theWeeklyTabShowsTheWeekOfTheLatestDayThatHasPapers() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 14), 1);
		list("2506.00001", LocalDate.of(2025, 6, 1), 1);

		this.mvc.perform(get("/papers/week")).andExpect(status().isFound()).andExpect(redirectedUrl("/papers/week/2025-W22"));
		this.mvc.perform(get("/papers/month")).andExpect(status().isFound()).andExpect(redirectedUrl("/papers/month/2025-06"));
	}

	@Test
	void onAnEmptyCatalogTheTabsShowTheCurrentPeriodWhichSaysThereAreNoPapersYet() throws Exception {
		this.mvc.perform(get("/papers/week")).andExpect(redirectedUrl("/papers/week/2026-W03"));
		this.mvc.perform(get("/papers/month")).andExpect(redirectedUrl("/papers/month/2026-01"));

		String html = page("/papers/week/2026-W03");

		assertThat(html).contains("No papers yet.").doesNotContain("rel=\"prev\"").doesNotContain("rel=\"next\"");
		assertThat(DailyPagesTests.cardIds(html)).isEmpty();
	}

	@Test
	void aBusyMonthIsShownFiftyPapersAtATimeWithLinksBetweenPages() throws Exception {
		List<String> mostUpvotedFirst = new ArrayList<>();
		for (int upvotes = 120; upvotes >= 1; upvotes--) {
			String id = String.format("2506.%05d", upvotes);
			list(id, LocalDate.of(2025, 6, 1 + upvotes % 30), upvotes);
			mostUpvotedFirst.add(id);
		}

		String first = page("/papers/month/2025-06");
		String second = page("/papers/month/2025-06?p=2");
		String third = page("/papers/month/2025-06?p=3");

		assertThat(DailyPagesTests.cardIds(first)).isEqualTo(mostUpvotedFirst.subList(0, 50));
		assertThat(DailyPagesTests.cardIds(second)).isEqualTo(mostUpvotedFirst.subList(50, 100));
		assertThat(DailyPagesTests.cardIds(third)).isEqualTo(mostUpvotedFirst.subList(100, 120));
		assertThat(HtmlText.of(first)).contains("120 papers, most upvoted first").contains("Page 1 of 3");
		assertThat(first).contains("<a href=\"/papers/month/2025-06?p=2\">Page 2 →</a>").doesNotContain("← Page");
		assertThat(second).contains("<a href=\"/papers/month/2025-06\">← Page 1</a>")
			.contains("<a href=\"/papers/month/2025-06?p=3\">Page 3 →</a>");
		assertThat(third).contains("<a href=\"/papers/month/2025-06?p=2\">← Page 2</a>").doesNotContain("Page 4");
	}

	@Test
	void aPeriodThatFitsOnePageHasNoPageLinks() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);

		assertThat(page("/papers/week/2025-W23")).doesNotContain("class=\"pager\"").doesNotContain("?p=");
		assertThat(page("/papers/week/2025-W23?p=1")).doesNotContain("class=\"pager\"");
	}

	@Test
	void aPagePastTheLastIsNotFound() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);

		String html = this.mvc.perform(get("/papers/week/2025-W23").param("p", "2"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(html)).contains("Week 23, 2025 · Jun 2 – Jun 8 has 1 page of papers; there is no page 2.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/week/2021-W53", "/papers/week/2025-W00", "/papers/week/2025-W54",
			"/papers/week/2025-23", "/papers/week/2025-w23", "/papers/week/W23" })
	void anImpossibleOrMalformedWeekIsABadRequestPage(String path) throws Exception {
		assertThat(badRequest(path)).contains("YYYY-Www");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/month/2025-13", "/papers/month/2025-00", "/papers/month/2025-6",
			"/papers/month/202506", "/papers/month/June" })
	void anImpossibleOrMalformedMonthIsABadRequestPage(String path) throws Exception {
		assertThat(badRequest(path)).contains("YYYY-MM");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "two", "1.5", "", "01", "9999999" })
	void aPageNumberThatIsNotACountingNumberIsABadRequestPage(String number) throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);

		assertThat(badRequest("/papers/month/2025-06?p=" + number)).contains("p must be a page number");
	}

	@Test
	void theFiftyThirdWeekOf2020IsAWeek() throws Exception {
		list("2012.00001", LocalDate.of(2021, 1, 2), 1);

		assertThat(DailyPagesTests.cardIds(page("/papers/week/2020-W53"))).containsExactly("2012.00001");
	}

	@Test
	void aClientThatAcceptsGzipGetsTheSamePageGzipped() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);
		byte[] plain = this.mvc.perform(get("/papers/week/2025-W23"))
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		byte[] gzipped = this.mvc.perform(get("/papers/week/2025-W23").header(HttpHeaders.ACCEPT_ENCODING, "gzip"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
			// a member sees another page at the same address: see SharedAnswersTests
			.andExpect(header().string(HttpHeaders.VARY, "Accept-Encoding, Cookie"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
	}

	@Test
	void aPaperListedMeanwhileShowsOnTheWeekAtOnce() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 3), 1);
		assertThat(DailyPagesTests.cardIds(page("/papers/week/2025-W23"))).containsExactly("2506.00001");

		list("2506.00002", LocalDate.of(2025, 6, 4), 2);

		assertThat(DailyPagesTests.cardIds(page("/papers/week/2025-W23"))).containsExactly("2506.00002", "2506.00001");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String badRequest(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Bad request").doesNotContain("Exception").doesNotContain("at io.paperboy");
		return html;
	}

	private void list(String id, LocalDate day, int upvotes) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day));
	}

	private void listAt(String id, String submittedAt, int upvotes) {
		Instant at = Instant.parse(submittedAt);
		LocalDate day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(new DailyEntry(id, day, at, null, null, List.of(), null, null));
	}

}
