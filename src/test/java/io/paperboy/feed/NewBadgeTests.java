package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "new" badge on cards of papers that entered the list in the last 24 hours, against a fixed clock. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class NewBadgeTests {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private static final String BADGE = "<span class=\"badge-new\"";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void emptyCatalogAtNoon() {
		this.clock.set(NOW);
	}

	@Test
	void aPaperListedInTheLastTwentyFourHoursHasTheBadgeAndAnOlderOneDoesNot() throws Exception {
		listAt("2506.00001", NOW.minus(Duration.ofHours(1)), 10);
		listAt("2506.00002", NOW.minus(Duration.ofHours(23).plusMinutes(59)), 20);
		listAt("2506.00003", NOW.minus(Duration.ofHours(24)), 30);
		listAt("2506.00004", NOW.minus(Duration.ofHours(30)), 40);

		assertThat(badged(page("/papers/date/2025-06-04"))).containsExactly("2506.00001");
		assertThat(DailyPagesTests.cardIds(page("/papers/date/2025-06-03"))).containsExactly("2506.00004",
				"2506.00003", "2506.00002");
		assertThat(badged(page("/papers/date/2025-06-03"))).containsExactly("2506.00002");
	}

	@Test
	void theBadgeIsBesideTheTitle() throws Exception {
		listAt("2506.00001", NOW.minus(Duration.ofHours(1)), 10);

		assertThat(page("/papers/date/2025-06-04")).contains(
				"<h3><a href=\"/papers/2506.00001\">A study of 2506.00001</a> <span class=\"badge-new\" title=\"Listed in the last 24 hours\">New</span></h3>");
	}

	@Test
	void theBadgeLeavesAServedPageOnceItsTwentyFourHoursArePast() throws Exception {
		listAt("2506.00001", NOW.minus(Duration.ofHours(2)), 10);
		listAt("2506.00002", NOW.minus(Duration.ofHours(6)), 20);
		assertThat(badged(page("/papers/date/2025-06-04"))).containsExactly("2506.00002", "2506.00001");

		this.clock.advance(Duration.ofHours(18).plusMinutes(1));
		assertThat(badged(page("/papers/date/2025-06-04"))).containsExactly("2506.00001");

		this.clock.advance(Duration.ofHours(4));
		assertThat(badged(page("/papers/date/2025-06-04"))).isEmpty();
		assertThat(DailyPagesTests.cardIds(page("/papers/date/2025-06-04"))).containsExactly("2506.00002", "2506.00001");
	}

	@Test
	void thePapersPageShowsTheBadgeToo() throws Exception {
		listAt("2506.00001", NOW.minus(Duration.ofMinutes(30)), 1);

		assertThat(badged(page("/papers"))).containsExactly("2506.00001");
	}

	@Test
	void weekAndMonthPagesShowTheBadgeAndDropItWhenItExpires() throws Exception {
		listAt("2506.00001", NOW.minus(Duration.ofHours(3)), 10);
		listAt("2506.00002", NOW.minus(Duration.ofDays(2)), 20);
		assertThat(badged(page("/papers/week/2025-W23"))).containsExactly("2506.00001");
		assertThat(badged(page("/papers/month/2025-06"))).containsExactly("2506.00001");

		this.clock.advance(Duration.ofHours(21));

		assertThat(badged(page("/papers/week/2025-W23"))).isEmpty();
		assertThat(badged(page("/papers/month/2025-06"))).isEmpty();
		assertThat(DailyPagesTests.cardIds(page("/papers/week/2025-W23"))).containsExactly("2506.00002", "2506.00001");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The ids of the cards that carry the badge, in the order shown. */
	private static List<String> badged(String html) {
		return DailyPagesTests.cards(html)
			.stream()
			.filter((card) -> card.contains(BADGE))
			.map((card) -> DailyPagesTests.cardIds(card).get(0))
			.toList();
	}

	private void listAt(String id, Instant at, int upvotes) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(new DailyEntry(id, day, at, null, null, List.of(), null, null));
	}

}
