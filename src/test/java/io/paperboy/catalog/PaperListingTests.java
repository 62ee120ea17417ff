package io.paperboy.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaperListingTests {

	private static final Instant ENTERED = Instant.parse("2025-06-02T12:00:00Z");

	private final PaperListing listed = new PaperListing(TestPapers.paper("2506.00001").build(),
			new DailyEntry("2506.00001", LocalDate.of(2025, 6, 2), ENTERED, null, null, List.of(), null, null), null);

	@Test
	void aPaperIsNewForTwentyFourHoursAfterItEnteredTheList() {
		assertThat(this.listed.isNewAt(ENTERED)).isTrue();
		assertThat(this.listed.isNewAt(ENTERED.plus(Duration.ofHours(23)))).isTrue();
		assertThat(this.listed.isNewAt(ENTERED.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
	}

	@Test
	void aPaperIsNoLongerNewTwentyFourHoursAfterItEnteredTheList() {
		assertThat(this.listed.isNewAt(ENTERED.plus(Duration.ofHours(24)))).isFalse();
		assertThat(this.listed.isNewAt(ENTERED.plus(Duration.ofDays(30)))).isFalse();
	}

	@Test
	void aPaperListedAheadOfTheClockIsNew() {
		assertThat(this.listed.isNewAt(ENTERED.minus(Duration.ofMinutes(5)))).isTrue();
	}

	@Test
	void aPaperOnNoListIsNeverNew() {
		PaperListing unlisted = new PaperListing(TestPapers.paper("2506.00002").build(), null, null);

		assertThat(unlisted.isNewAt(ENTERED)).isFalse();
	}

}
