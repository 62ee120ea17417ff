package io.paperboy.feed;

import java.time.LocalDate;

import io.paperboy.feed.DailyPapersQuery.Sort;
import io.paperboy.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DailyPapersQueryTests {

	private static final LocalDate LATEST = LocalDate.of(2025, 6, 2);

	@Test
	void withoutParametersTheLatestDayIsShownNewestFirstFiftyAtATime() {
		DailyPapersQuery query = parse(null, null, null, null, null, null, null);
		assertThat(query.first()).isEqualTo(LATEST);
		assertThat(query.last()).isEqualTo(LATEST);
		assertThat(query.submitter()).isNull();
		assertThat(query.sort()).isEqualTo(Sort.PUBLISHED_AT);
		assertThat(query.page()).isZero();
		assertThat(query.limit()).isEqualTo(50);
		assertThat(query.isEmpty()).isFalse();
	}

	@Test
	void withoutParametersOnAnEmptyCatalogTheQueryIsEmpty() {
		DailyPapersQuery query = DailyPapersQuery.parse(null, null, null, null, null, null, null, null);
		assertThat(query.isEmpty()).isTrue();
	}

	@Test
	void aDateNamesThatDayAloneAndOverridesTheLatestDay() {
		DailyPapersQuery query = parse("2024-02-29", null, null, null, null, null, null);
		assertThat(query.first()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(query.last()).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-6-2", "2025-06-2", "20250602", "2025/06/02", "2025-02-30", "2025-13-01",
			"2025-00-10", "02-06-2025", "yesterday", "", " 2025-06-02", "2025-06-02T00:00" })
	void aMalformedDateIsABadRequestNamingTheParameter(String date) {
		assertBadRequest(() -> parse(date, null, null, null, null, null, null), "date");
	}

	@Test
	void parseDateAcceptsOnlyRealCalendarDays() {
		assertThat(DailyPapersQuery.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> DailyPapersQuery.parseDate("2025-02-29"));
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> DailyPapersQuery.parseDate(null));
	}

	@ParameterizedTest(name = "{0} runs from {1} to {2}")
	@CsvSource({ "2025-W23, 2025-06-02, 2025-06-08", "2025-W01, 2024-12-30, 2025-01-05",
			"2020-W53, 2020-12-28, 2021-01-03", "2026-W53, 2026-12-28, 2027-01-03",
			"2021-W01, 2021-01-04, 2021-01-10", "2024-W52, 2024-12-23, 2024-12-29" })
	void anIsoWeekRunsFromMondayToSunday(String week, LocalDate monday, LocalDate sunday) {
		DailyPapersQuery query = parse(null, week, null, null, null, null, null);
		assertThat(query.first()).isEqualTo(monday);
		assertThat(query.last()).isEqualTo(sunday);
	}

	@Test
	void theLastDaysOfDecember2024BelongToTheFirstWeekOf2025() {
		DailyPapersQuery query = parse(null, "2025-W01", null, null, null, null, null);
		assertThat(LocalDate.of(2024, 12, 30)).isBetween(query.first(), query.last());
		assertThat(LocalDate.of(2024, 12, 29)).isBefore(query.first());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021-W53", "2025-W53", "2025-W00", "2025-W54", "2025-W1", "2025-W001", "2025W01",
			"2025-w01", "2025-01", "W01-2025", "2025-W-1", "" })
	void aWeekThatIsNotAnIsoWeekIsABadRequest(String week) {
		assertBadRequest(() -> parse(null, week, null, null, null, null, null), "week");
	}

	@ParameterizedTest(name = "{0} runs from {1} to {2}")
	@CsvSource({ "2025-06, 2025-06-01, 2025-06-30", "2024-02, 2024-02-01, 2024-02-29",
			"2025-02, 2025-02-01, 2025-02-28", "2024-12, 2024-12-01, 2024-12-31" })
	void aMonthRunsFromItsFirstToItsLastDay(String month, LocalDate first, LocalDate last) {
		DailyPapersQuery query = parse(null, null, month, null, null, null, null);
		assertThat(query.first()).isEqualTo(first);
		assertThat(query.last()).isEqualTo(last);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13", "2025-00", "2025-6", "202506", "2025-06-01", "June", "" })
	void aMalformedMonthIsABadRequest(String month) {
		assertBadRequest(() -> parse(null, null, month, null, null, null, null), "month");
	}

	@Test
	void aSubmitterNamesNoDays() {
		DailyPapersQuery query = parse(null, null, null, "akhaliq", null, null, null);
		assertThat(query.submitter()).isEqualTo("akhaliq");
		assertThat(query.first()).isNull();
		assertThat(query.last()).isNull();
		assertThat(query.isEmpty()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "../etc/passwd", "-leading-dash", "<script>", "x?y=z" })
	void aSubmitterThatIsNotAUsernameIsABadRequest(String submitter) {
		assertBadRequest(() -> parse(null, null, null, submitter, null, null, null), "submitter");
	}

	@ParameterizedTest(name = "date={0} week={1} month={2} submitter={3}")
	@CsvSource(nullValues = "-", value = { "2025-06-02, 2025-W23, -, -", "2025-06-02, -, 2025-06, -",
			"2025-06-02, -, -, akhaliq", "-, 2025-W23, 2025-06, -", "-, 2025-W23, -, akhaliq",
			"-, -, 2025-06, akhaliq", "2025-06-02, 2025-W23, 2025-06, akhaliq" })
	void namingMoreThanOneListIsABadRequest(String date, String week, String month, String submitter) {
		assertBadRequest(() -> parse(date, week, month, submitter, null, null, null), "at most one");
	}

	@Test
	void trendingAndPublishedAtAreTheSortOrders() {
		assertThat(parse("2025-06-02", null, null, null, "trending", null, null).sort()).isEqualTo(Sort.TRENDING);
		assertThat(parse(null, null, null, null, "publishedAt", null, null).sort()).isEqualTo(Sort.PUBLISHED_AT);
	}

	@Test
	void aWeekOrAMonthComesMostUpvotedFirstUnlessASortIsNamed() {
		assertThat(parse(null, "2025-W23", null, null, null, null, null).sort()).isEqualTo(Sort.UPVOTES);
		assertThat(parse(null, null, "2025-06", null, null, null, null).sort()).isEqualTo(Sort.UPVOTES);
		assertThat(parse(null, "2025-W23", null, null, "publishedAt", null, null).sort()).isEqualTo(Sort.PUBLISHED_AT);
		assertThat(parse(null, null, "2025-06", null, "trending", null, null).sort()).isEqualTo(Sort.TRENDING);
	}

	@Test
	void aDayOrASubmitterComesMostRecentlyListedFirstUnlessASortIsNamed() {
		assertThat(parse("2025-06-02", null, null, null, null, null, null).sort()).isEqualTo(Sort.PUBLISHED_AT);
		assertThat(parse(null, null, null, "akhaliq", null, null, null).sort()).isEqualTo(Sort.PUBLISHED_AT);
	}

	@Test
	void theNextPageOfAWeekKeepsItsDefaultOrderWithoutNamingIt() {
		DailyPapersQuery query = parse(null, "2025-W23", null, null, null, null, "10");
		assertThat(query.nextPage("https://papers.example.org"))
			.isEqualTo("https://papers.example.org/api/daily_papers?week=2025-W23&p=1&limit=10");
	}

	@Test
	void trendingWithoutANamedListIsTheTrendingListItselfNotTheLatestDay() {
		DailyPapersQuery query = parse(null, null, null, null, "trending", "2", "10");

		assertThat(query.isOverallTrending()).isTrue();
		assertThat(query.isEmpty()).isFalse();
		assertThat(query.first()).isNull();
		assertThat(query.offset()).isEqualTo(20);
		assertThat(query.nextPage("https://papers.example.org"))
			.isEqualTo("https://papers.example.org/api/daily_papers?sort=trending&p=3&limit=10");
		assertThat(parse("2025-06-02", null, null, null, "trending", null, null).isOverallTrending()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "upvotes", "Trending", "publishedat", "PUBLISHED_AT" })
	void anUnknownSortIsABadRequest(String sort) {
		assertBadRequest(() -> parse(null, null, null, null, sort, null, null), "sort");
	}

	@ParameterizedTest(name = "p={0} limit={1}")
	@CsvSource({ "0, 1", "3, 100", "21474836, 50" })
	void pagesAndLimitsWithinRangeAreKept(int page, int limit) {
		DailyPapersQuery query = parse(null, null, null, null, null, String.valueOf(page), String.valueOf(limit));
		assertThat(query.page()).isEqualTo(page);
		assertThat(query.limit()).isEqualTo(limit);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1.5", "one", "", "21474837", "99999999999" })
	void aPageThatIsNotASmallWholeNumberIsABadRequest(String page) {
		assertBadRequest(() -> parse(null, null, null, null, null, page, null), "p must");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "-5", "fifty", "", "50.0" })
	void aLimitOutsideOneToAHundredIsABadRequest(String limit) {
		assertBadRequest(() -> parse(null, null, null, null, null, null, limit), "limit must");
	}

	@Test
	void theNextPageKeepsTheListAndSortAndAdvancesThePage() {
		DailyPapersQuery query = parse(null, "2025-W01", null, null, "trending", "2", "10");
		assertThat(query.nextPage("https://papers.example.org"))
			.isEqualTo("https://papers.example.org/api/daily_papers?week=2025-W01&sort=trending&p=3&limit=10");
	}

	@Test
	void theNextPageOfTheDefaultListNamesItsDaySoANewDayCannotShiftIt() {
		DailyPapersQuery query = parse(null, null, null, null, null, null, null);
		assertThat(query.nextPage("http://localhost:8080"))
			.isEqualTo("http://localhost:8080/api/daily_papers?date=2025-06-02&p=1&limit=50");
	}

	private static DailyPapersQuery parse(String date, String week, String month, String submitter, String sort,
			String page, String limit) {
		return DailyPapersQuery.parse(date, week, month, submitter, sort, page, limit, LATEST);
	}

	private static void assertBadRequest(Runnable parse, String messagePart) {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(parse::run).withMessageContaining(messagePart);
	}

}
