package io.paperboy.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the vote history and statistics queries must return on every database Paperboy supports,
 * with "now" fixed at Wednesday, June 11, 2025, 15:00 UTC. Each subclass runs the same tests on
 * one database.
 */
@StorageTest
abstract class StatsStorageContract {

	static final Instant NOW = Instant.parse("2025-06-11T15:00:00Z");

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	VoteHistory history;

	@Autowired
	StatsService stats;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void emptyCatalog() {
		this.clock.set(NOW);
		CatalogTables.empty(this.jdbc, this.events);
	}

	@Test
	void aPapersTimelineHasItsImportedVotesAtEntryAndEachMembersVoteAtItsTime() {
		list("2506.00001", 5, MONDAY, at("2025-06-02T12:00:00Z"));
		vote("2506.00001", "2025-06-09T23:30:00Z", "2025-06-03T10:00:00Z");

		VoteTimeline timeline = this.history.timeline("2506.00001");

		assertThat(timeline.importedVotes()).isEqualTo(5);
		assertThat(timeline.enteredAt()).isEqualTo(at("2025-06-02T12:00:00Z"));
		assertThat(timeline.memberVotes()).containsExactly(at("2025-06-03T10:00:00Z"), at("2025-06-09T23:30:00Z"));
		assertThat(timeline.cumulative()).containsExactly(new TimedCount(at("2025-06-02T12:00:00Z"), 5),
				new TimedCount(at("2025-06-03T10:00:00Z"), 6), new TimedCount(at("2025-06-09T23:30:00Z"), 7));
	}

	@Test
	void importedVotesOfAPaperOnNoListHaveNoTime() {
		this.catalog.savePaper(TestPapers.paper("2401.00001").withUpvotes(4).build(), null);
		vote("2401.00001", "2025-06-10T08:00:00Z");

		VoteTimeline timeline = this.history.timeline("2401.00001");

		assertThat(timeline.total()).isEqualTo(5);
		assertThat(timeline.undatedImportedVotes()).isEqualTo(4);
		assertThat(timeline.cumulative()).containsExactly(new TimedCount(at("2025-06-10T08:00:00Z"), 1));
	}

	@Test
	void aPaperNotInTheCatalogHasNoVotes() {
		assertThat(this.history.timeline("2401.99999")).isEqualTo(VoteTimeline.NONE);
	}

	@Test
	void votesPerDayForSparklinesCountUtcDaysForAPageOfPapers() {
		list("2506.00009", 3, LocalDate.of(2025, 6, 9), at("2025-06-09T12:00:00Z"));
		vote("2506.00009", "2025-06-04T23:59:59Z", "2025-06-09T23:59:59Z", "2025-06-10T00:00:00Z",
				"2025-06-11T14:00:00Z");
		list("2506.00001", 10, MONDAY, at("2025-06-02T12:00:00Z"));
		list("2506.00002", 0, MONDAY, at("2025-06-02T12:00:00Z"));

		Map<String, long[]> perDay = this.history.votesPerDay(List.of("2506.00002", "2506.00009", "2506.00001", "2401.99999"), 7);

		// June 5 to June 11; the vote of June 4 and the imported block of June 2 are older
		assertThat(perDay).containsOnlyKeys("2506.00002", "2506.00009", "2506.00001", "2401.99999");
		assertThat(perDay.keySet()).containsExactly("2506.00002", "2506.00009", "2506.00001", "2401.99999");
		assertThat(perDay.get("2506.00009")).containsExactly(0, 0, 0, 0, 4, 1, 1);
		assertThat(perDay.get("2506.00001")).containsExactly(0, 0, 0, 0, 0, 0, 0);
		assertThat(perDay.get("2506.00002")).containsExactly(0, 0, 0, 0, 0, 0, 0);
		assertThat(perDay.get("2401.99999")).containsExactly(0, 0, 0, 0, 0, 0, 0);
	}

	@Test
	void sparklinesSayWhatTheyShowAndAreLeftOutWhenTheyWouldBeFlat() {
		list("2506.00009", 3, LocalDate.of(2025, 6, 9), at("2025-06-09T12:00:00Z"));
		vote("2506.00009", "2025-06-10T09:00:00Z");
		list("2506.00002", 0, MONDAY, at("2025-06-02T12:00:00Z"));

		list("2506.00003", 8, LocalDate.of(2025, 6, 9), at("2025-06-09T12:00:00Z"));
		vote("2506.00003", "2025-06-09T20:00:00Z");

		Map<String, Chart> sparklines = this.history.sparklines(List.of("2506.00009", "2506.00002", "2506.00003"), 14);

		assertThat(sparklines.get("2506.00009").summary()).isEqualTo("4 votes in the last 14 days, the most on Jun 9 (3).");
		// no votes, or all on one day: a flat line or a single spike says no more than the count
		assertThat(sparklines).containsOnlyKeys("2506.00009");
		assertThat(sparklines.get("2506.00009").svg().toString()).startsWith("<svg").contains("class=\"chart-svg sparkline\"");
		assertThat(this.history.sparklines(List.of(), 14)).isEmpty();
	}

	@Test
	void statsCountPapersImportedVotesAndMembersVotesPerUtcDayAndCategory() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withUpvotes(5).withCategories("cs.LG", "cs.AI").build(), MONDAY);
		this.catalog.placeOnDailyList(entry("2506.00001", MONDAY, "2025-06-02T12:00:00Z"));
		// submitted late on Sunday evening UTC, listed on Tuesday: its imported votes count on the day it was submitted
		this.catalog.savePaper(TestPapers.paper("2506.00002").withUpvotes(2).withCategories("cs.CL").build(), MONDAY);
		this.catalog.placeOnDailyList(entry("2506.00002", MONDAY.plusDays(1), "2025-06-02T23:00:00Z"));
		list("2506.00003", 1, LocalDate.of(2025, 6, 10), at("2025-06-10T12:00:00Z"));
		// listed before the period; members' votes on it still count when they are cast
		this.catalog.savePaper(TestPapers.paper("2505.00004").withUpvotes(100).withCategories("cs.LG").build(), MONDAY);
		this.catalog.placeOnDailyList(entry("2505.00004", LocalDate.of(2025, 5, 30), "2025-05-30T12:00:00Z"));
		vote("2505.00004", "2025-06-04T08:00:00Z", "2025-06-04T20:00:00Z");
		vote("2506.00001", "2025-06-10T00:00:00Z");
		vote("2506.00002", "2025-06-01T23:59:59Z");

		StatsService.Figures figures = this.stats.figures(new StatsService.Period(MONDAY, LocalDate.of(2025, 6, 11)));

		assertThat(figures.papers()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 0);
		assertThat(figures.imported()).containsExactly(7, 0, 0, 0, 0, 0, 0, 0, 1, 0);
		assertThat(figures.members()).containsExactly(0, 0, 2, 0, 0, 0, 0, 0, 1, 0);
		assertThat(figures.categories()).extracting(StatsService.CategoryFigures::name)
			.containsExactlyInAnyOrder("cs.LG", "cs.CL");
		StatsService.CategoryFigures learning = category(figures, "cs.LG");
		assertThat(learning.votesPerWeek()).containsExactly(7, 1);
		assertThat(learning.papersPerWeek()).containsExactly(1, 0);
		StatsService.CategoryFigures language = category(figures, "cs.CL");
		assertThat(language.votesPerWeek()).containsExactly(2, 0);
		assertThat(language.papersPerWeek()).containsExactly(1, 0);
	}

	@Test
	void theStatsPageCoversWholeWeeksUpToToday() {
		list("2506.00001", 5, MONDAY, at("2025-06-02T12:00:00Z"));

		StatsPage page = this.stats.page(2);

		assertThat(page.first()).isEqualTo(MONDAY);
		assertThat(page.last()).isEqualTo(LocalDate.of(2025, 6, 11));
		assertThat(page.period()).isEqualTo("Jun 2 to Jun 11, 2025");
		assertThat(page.papersPerDay().summary())
			.isEqualTo("1 paper entered the daily lists from Jun 2 to Jun 11, 2025, the most on Jun 2 (1).");
		assertThat(page.votesPerDay().summary()).isEqualTo("5 votes from Jun 2 to Jun 11, 2025: 5 imported with papers "
				+ "as they entered the daily lists and 0 cast by members; the most on Jun 2 (5).");
		assertThat(page.papersPerDay().table().rows()).hasSize(10);
		assertThat(page.categories()).as("no paper has a category").isNull();
	}

	@Test
	void theStatsPageIsComputedOnceAndServedFromMemoryMeanwhile() {
		list("2506.00001", 5, MONDAY, at("2025-06-02T12:00:00Z"));
		StatsPage first = this.stats.page(3);

		vote("2506.00001", "2025-06-10T08:00:00Z");

		assertThat(this.stats.page(3)).isSameAs(first);
	}

	@Test
	void categoriesAreRankedByVotesThenPapersThenName() {
		String[] categories = { "cs.CV", "cs.AI", "cs.RO", "math.OC", "cs.LG", "cs.CL", "stat.ML", "q-bio.NC", "hep-th" };
		for (int i = 0; i < categories.length; i++) {
			String id = "2506.0001" + i;
			this.catalog.savePaper(TestPapers.paper(id).withUpvotes(i).withCategories(categories[i]).build(), MONDAY);
			this.catalog.placeOnDailyList(entry(id, MONDAY, "2025-06-02T12:00:00Z"));
		}

		StatsPage page = this.stats.page(4);

		// nine categories with 0 to 8 votes; the chart keeps the top eight, the one with no vote left out
		assertThat(page.categories().summary()).isEqualTo("The categories with the most votes from May 19 to Jun 11, 2025: "
				+ "hep-th (8), q-bio.NC (7), stat.ML (6), cs.CL (5), cs.LG (4), math.OC (3), cs.RO (2), cs.AI (1).");
		assertThat(page.categories().table().headers()).containsExactly("Category", "Votes, week of May 19",
				"Votes, week of May 26", "Votes, week of Jun 2", "Votes, week of Jun 9", "Votes", "Papers");
		assertThat(page.categories().table().rows().get(0).values()).containsExactly("0", "0", "8", "0", "8", "1");
	}

	private StatsService.CategoryFigures category(StatsService.Figures figures, String name) {
		return figures.categories().stream().filter((category) -> category.name().equals(name)).findFirst().orElseThrow();
	}

	private void list(String id, int upvotes, LocalDate day, Instant submittedAt) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(new DailyEntry(id, day, submittedAt, null, null, List.of(), null, null));
	}

	private static DailyEntry entry(String id, LocalDate day, String submittedAt) {
		return new DailyEntry(id, day, at(submittedAt), null, null, List.of(), null, null);
	}

	private void vote(String paperId, String... times) {
		MemberVotes.cast(this.jdbc, this.users, paperId, java.util.Arrays.stream(times).map(Instant::parse).toArray(Instant[]::new));
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
