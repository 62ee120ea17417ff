package io.paperboy.feed;

import java.time.LocalDate;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moving through time on the day pages: the heading names the day in full, and a form jumps to the
 * day with papers nearest to any date.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class DayChoiceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Test
	void aDayPageNamesItsDayInFullAndOffersEveryDayWithPapers() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 29));
		list("2506.00001", LocalDate.of(2025, 6, 2));
		list("2506.00002", LocalDate.of(2025, 6, 5));

		String html = page("/papers/date/2025-06-02");

		assertThat(html).contains("<time datetime=\"2025-06-02\">Monday, June 2, 2025</time>");
		assertThat(html).contains("<form class=\"day-choice\" action=\"/papers/date\" method=\"get\">")
			.contains("<label for=\"day-choice\">Go to a day</label>")
			.contains("name=\"date\" value=\"2025-06-02\" min=\"2025-05-29\" max=\"2025-06-05\" required>")
			.contains("<a href=\"/papers\">Latest</a>");
	}

	@Test
	void theLatestDayOffersNoLinkToItselfAndASingleDayNoChoice() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 2));

		assertThat(page("/papers")).doesNotContain("day-choice");

		list("2506.00002", LocalDate.of(2025, 6, 5));

		assertThat(page("/papers")).contains("day-choice").doesNotContain(">Latest</a>");
	}

	@ParameterizedTest(name = "{0} leads to {1}")
	@CsvSource({
		"2025-06-02, /papers/date/2025-06-02", // a day with papers
		"2025-06-04, /papers/date/2025-06-02", // a day without: the closest earlier one
		"2025-05-01, /papers/date/2025-05-29", // before the catalog begins: its first day
		"2030-01-01, /papers/date/2025-06-05", // after it ends: its latest day
		"' 2025-06-05 ', /papers/date/2025-06-05" })
	void choosingADateLeadsToTheNearestDayWithPapers(String date, String expected) throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 29));
		list("2506.00001", LocalDate.of(2025, 6, 2));
		list("2506.00002", LocalDate.of(2025, 6, 5));

		this.mvc.perform(get("/papers/date").param("date", date))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(expected));
	}

	@Test
	void noDateOrAnEmptyCatalogLeadsToTheLatestList() throws Exception {
		this.mvc.perform(get("/papers/date").param("date", "2025-06-02")).andExpect(redirectedUrl("/papers"));
		this.mvc.perform(get("/papers/date").param("date", "")).andExpect(redirectedUrl("/papers"));
		this.mvc.perform(get("/papers/date")).andExpect(redirectedUrl("/papers"));
	}

	@Test
	void aDateThatIsNotADateIsRefusedWithTheReason() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 2));

		String body = this.mvc.perform(get("/papers/date").param("date", "2025-02-30"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("date must be a calendar date written YYYY-MM-DD");
	}

	@Test
	void onlyTheDayPagesMarkDailyAsTheCurrentList() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 2));

		assertThat(page("/papers")).contains("<a href=\"/papers\" aria-current=\"page\">Daily</a>");
		assertThat(page("/papers/2506.00001")).doesNotContain("aria-current=\"page\">Daily</a>");
	}

	@Test
	void everyPageLinksTheSiteIconAndLetsAKeyboardSkipToItsContent() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 2));

		for (String path : new String[] { "/papers", "/papers/2506.00001", "/papers/trending", "/stats" }) {
			String html = page(path);
			assertThat(html).as(path).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
			assertThat(html.indexOf("<a class=\"skip-link\" href=\"#content\">Skip to content</a>")).as(path)
				.isGreaterThan(html.indexOf("<body>"))
				.isLessThan(html.indexOf("<header"));
			assertThat(html).as(path).contains("<main id=\"content\"");
		}
		this.mvc.perform(get("/favicon.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
		this.mvc.perform(get("/favicon.ico"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/favicon.svg"));
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void list(String id, LocalDate day) {
		this.catalog.savePaper(TestPapers.paper(id).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day, null));
	}

}
