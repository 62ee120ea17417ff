package io.paperboy.stats;

import java.time.Instant;
import java.time.LocalDate;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A site whose papers are all older than the weeks {@code /stats} covers (an archive loaded on a
 * new site, or sources that stopped): the page shows the weeks up to the latest papers and says so.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class StatsOnAFreshSiteTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private MutableClock clock;

	@Test
	void papersOlderThanThePeriodAreShownUpToTheLatestDayWithPapers() throws Exception {
		list("2506.00001", LocalDate.of(2025, 6, 2));
		list("2506.00002", LocalDate.of(2025, 6, 4));
		list("2506.00003", LocalDate.of(2025, 6, 4));
		this.clock.set(Instant.parse("2026-03-18T09:00:00Z"));

		String text = HtmlText.of(page("/stats"));

		assertThat(text).contains("No papers entered the lists in the last 8 weeks. The 8 weeks up to the latest day "
				+ "with papers, Jun 4, 2025: Apr 14 to Jun 4, 2025 (UTC days)");
		assertThat(text).contains("3 papers entered the daily lists from Apr 14 to Jun 4, 2025, the most on Jun 4 (2).");
	}

	@Test
	void recentPapersKeepThePeriodUpToToday() throws Exception {
		list("2603.00001", LocalDate.of(2026, 3, 10));
		this.clock.set(Instant.parse("2026-03-19T09:00:00Z"));

		String text = HtmlText.of(page("/stats?weeks=4"));

		assertThat(text).contains("The last 4 weeks: Feb 23 to Mar 19, 2026 (UTC days)").doesNotContain("latest day");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void list(String id, LocalDate day) {
		this.catalog.savePaper(TestPapers.paper(id).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day, null));
	}

}
