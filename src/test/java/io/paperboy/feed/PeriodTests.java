package io.paperboy.feed;

import java.time.LocalDate;

import io.paperboy.feed.Period.Kind;
import io.paperboy.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PeriodTests {

	@Test
	void aWeekIsReadFromItsIsoNameAndRunsMondayToSunday() {
		Period week = Period.week("2025-W23");

		assertThat(week.kind()).isEqualTo(Kind.WEEK);
		assertThat(week.first()).isEqualTo(LocalDate.of(2025, 6, 2));
		assertThat(week.last()).isEqualTo(LocalDate.of(2025, 6, 8));
		assertThat(week.code()).isEqualTo("2025-W23");
		assertThat(week.path()).isEqualTo("/papers/week/2025-W23");
	}

	@Test
	void aMonthIsReadFromItsNameAndRunsFromItsFirstToItsLastDay() {
		Period month = Period.month("2024-02");

		assertThat(month.kind()).isEqualTo(Kind.MONTH);
		assertThat(month.first()).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(month.last()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(month.code()).isEqualTo("2024-02");
		assertThat(month.path()).isEqualTo("/papers/month/2024-02");
	}

	@ParameterizedTest(name = "{0} is in {1}")
	@CsvSource({ "2025-06-02, 2025-W23", "2025-06-08, 2025-W23", "2025-06-09, 2025-W24", "2024-12-30, 2025-W01",
			"2021-01-03, 2020-W53", "2027-01-03, 2026-W53", "2024-12-29, 2024-W52" })
	void aDayBelongsToItsIsoWeekEvenAcrossTheTurnOfTheYear(LocalDate day, String week) {
		Period period = Period.containing(Kind.WEEK, day);

		assertThat(period.code()).isEqualTo(week);
		assertThat(period).isEqualTo(Period.week(week));
	}

	@ParameterizedTest(name = "{0} is in {1}")
	@CsvSource({ "2025-06-01, 2025-06", "2025-06-30, 2025-06", "2024-02-29, 2024-02", "2025-12-31, 2025-12" })
	void aDayBelongsToItsCalendarMonth(LocalDate day, String month) {
		Period period = Period.containing(Kind.MONTH, day);

		assertThat(period.code()).isEqualTo(month);
		assertThat(period).isEqualTo(Period.month(month));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "2025-W23 | Week 23, 2025 · Jun 2 – Jun 8",
			"2025-W05 | Week 5, 2025 · Jan 27 – Feb 2", "2025-W01 | Week 1, 2025 · Dec 30, 2024 – Jan 5, 2025",
			"2020-W53 | Week 53, 2020 · Dec 28, 2020 – Jan 3, 2021" })
	void aWeekHeaderNamesItsNumberYearAndDays(String week, String header) {
		assertThat(Period.week(week).header()).isEqualTo(header);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "2025-06, June 2025", "2024-02, February 2024", "2025-12, December 2025" })
	void aMonthHeaderNamesTheMonthAndYear(String month, String header) {
		assertThat(Period.month(month).header()).isEqualTo(header);
	}

	@Test
	void eachKindBelongsToItsTab() {
		assertThat(Kind.WEEK.tab()).isEqualTo("weekly");
		assertThat(Kind.MONTH.tab()).isEqualTo("monthly");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2021-W53", "2025-W53", "2025-W00", "2025-W54", "2025-W1", "2025-23", "2025-w23", "W23" })
	void anImpossibleOrMalformedWeekIsABadRequest(String week) {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Period.week(week))
			.withMessageContaining("week must be an ISO week written YYYY-Www");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13", "2025-00", "2025-6", "202506", "2025-06-01", "june" })
	void anImpossibleOrMalformedMonthIsABadRequest(String month) {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Period.month(month))
			.withMessageContaining("month must be written YYYY-MM");
	}

}
