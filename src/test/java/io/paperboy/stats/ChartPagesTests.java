package io.paperboy.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.paperboy.account.UserDirectory;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The charts in pages: a paper's votes over time and {@code /stats}, with "now" fixed at
 * Wednesday, June 11, 2025, 15:00 UTC and the statistics never cached, so every test sees its own data.
 */
@ExtendWith(EmptyCatalog.class)
@WebTest
class ChartPagesTests {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void wednesdayAfternoon() {
		this.clock.set(StatsStorageContract.NOW);
	}

	@Test
	void aPaperPageShowsItsVotesOverTimeUnderTheUpvoteCount() throws Exception {
		list("2506.00001", 5, MONDAY, "cs.LG");
		vote("2506.00001", "2025-06-03T09:00:00Z", "2025-06-09T18:00:00Z");

		String html = page("/papers/2506.00001");

		String sentence = "7 votes: 5 counted when it entered the daily list on Jun 2, 2025, and 2 by members, "
				+ "the latest on Jun 9, 2025.";
		assertThat(html).contains("<figure class=\"chart\">")
			.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg step-chart\"")
			.contains("role=\"img\" aria-label=\"" + sentence + "\"")
			.contains("<title>Votes over time</title>")
			.contains("<figcaption>" + sentence + "</figcaption>");
		assertThat(html.indexOf("upvotes</span>")).isLessThan(html.indexOf("<figure class=\"chart\">"));
		assertThat(html.indexOf("<figure class=\"chart\">")).isLessThan(html.indexOf("<h2>Abstract</h2>"));
		String table = html.substring(html.indexOf("<div class=\"visually-hidden\"><table>"), html.indexOf("</table>"));
		assertThat(HtmlText.of(table)).isEqualTo("Votes per day Day Votes Total Jun 2, 2025 5 5 Jun 3, 2025 1 6 "
				+ "Jun 9, 2025 1 7");
	}

	@Test
	void aPaperWithoutVotesHasNoChart() throws Exception {
		list("2506.00001", 0, MONDAY);

		String html = page("/papers/2506.00001");

		assertThat(html).doesNotContain("<figure class=\"chart\">").doesNotContain("<svg").doesNotContain("<table>");
	}

	@Test
	void anImportedPaperWhoseVotesAllCameOnOneDayHasNoFlatChartMonthsLater() throws Exception {
		list("2506.00001", 40, MONDAY);
		vote("2506.00001", "2025-06-02T18:00:00Z");
		this.clock.set(Instant.parse("2026-03-18T09:00:00Z"));

		String html = page("/papers/2506.00001");

		assertThat(HtmlText.of(html)).contains("▲ 40 upvotes");
		assertThat(html).doesNotContain("<figure class=\"chart\">").doesNotContain("Votes over time");
	}

	@Test
	void aMemberVoteOnAnotherDayBringsTheChart() throws Exception {
		list("2506.00001", 40, MONDAY);
		vote("2506.00001", "2025-06-10T08:00:00Z");

		assertThat(page("/papers/2506.00001")).contains("<figure class=\"chart\">")
			.contains("<figcaption>41 votes: 40 counted when it entered the daily list on Jun 2, 2025, and 1 by a member "
					+ "on Jun 10, 2025.</figcaption>");
	}

	@Test
	void theStatsPageShowsPapersAndVotesPerDay() throws Exception {
		list("2506.00001", 5, MONDAY);
		list("2506.00002", 2, MONDAY.plusDays(1));
		vote("2506.00001", "2025-06-10T08:00:00Z", "2025-06-10T09:00:00Z", "2025-06-11T10:00:00Z");

		String html = page("/stats?weeks=2");
		String text = HtmlText.of(html);

		assertThat(html).contains("<title>Statistics · Paperboy</title>").contains("class=\"chart-svg bar-chart\"")
			.contains("<title>Jun 10, 2025, by members: 2</title>");
		assertThat(text).contains("The last 2 weeks: Jun 2 to Jun 11, 2025 (UTC days)")
			.contains("2 papers entered the daily lists from Jun 2 to Jun 11, 2025, the most on Jun 2 (1).")
			.contains("10 votes from Jun 2 to Jun 11, 2025: 7 imported with papers as they entered the daily lists "
					+ "and 3 cast by members; the most on Jun 2 (5).")
			.contains("Jun 10, 2025 0 2 2")
			.contains("No categories yet.")
			.contains("so the daily arXiv refresh looks them up");
		assertThat(html).contains("(<code>ingest run arxiv-refresh</code> does it now)").contains("<a href=\"/stats?weeks=4\">4 weeks</a>").contains("aria-current=\"page\">Stats</a>");
	}

	@Test
	void theDefaultPeriodIsEightWeeks() throws Exception {
		String html = page("/stats");

		assertThat(html).contains("<a href=\"/stats?weeks=8\" aria-current=\"page\">8 weeks</a>");
		assertThat(HtmlText.of(html)).contains("The last 8 weeks: Apr 21 to Jun 11, 2025")
			.contains("No papers entered the daily lists from Apr 21 to Jun 11, 2025.")
			.contains("No votes from Apr 21 to Jun 11, 2025.");
	}

	@Test
	void theStatsPageRanksCategoriesWithTheirNamesEscaped() throws Exception {
		list("2506.00001", 9, MONDAY, "<script>alert(1)</script>");
		list("2506.00002", 4, MONDAY, "cs.CL");

		String html = page("/stats?weeks=2");

		assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("No categories yet");
		assertThat(html).contains("class=\"chart-svg ranked-chart\"")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(HtmlText.of(html)).contains("The categories with the most votes from Jun 2 to Jun 11, 2025: "
				+ "<script>alert(1)</script> (9), cs.CL (4).");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "53", "-1", "eight", "99999999999" })
	void aPeriodOutsideOneToFiftyTwoWeeksIsABadRequest(String weeks) throws Exception {
		String html = this.mvc.perform(get("/stats").param("weeks", weeks))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("Bad request").doesNotContain("Exception");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void list(String id, int upvotes, LocalDate day, String... categories) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).withCategories(categories).build(), day);
		this.catalog.placeOnDailyList(new DailyEntry(id, day, day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), null,
				null, List.of(), null, null));
	}

	private void vote(String paperId, String... times) {
		MemberVotes.cast(this.jdbc, this.users, paperId, Arrays.stream(times).map(Instant::parse).toArray(Instant[]::new));
	}

}
