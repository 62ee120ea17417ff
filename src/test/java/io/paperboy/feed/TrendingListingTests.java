package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendingListingTests {

	private static final PaperListing LISTING = new PaperListing(TestPapers.paper("2506.00001").withUpvotes(42).build(),
			new DailyEntry("2506.00001", LocalDate.of(2025, 6, 2), Instant.parse("2025-06-02T08:00:00Z"), null, null,
					List.of(), null, null),
			null);

	@Test
	void recentVotesAreTheReason() {
		assertThat(new TrendingListing(LISTING, 37.24, 42, Duration.ofHours(24)).reason())
			.isEqualTo("+42 votes in the last 24 h");
		assertThat(new TrendingListing(LISTING, 0.9, 1, Duration.ofHours(24)).reason())
			.isEqualTo("+1 vote in the last 24 h");
	}

	@Test
	void withoutRecentVotesTheReasonSaysHowManySinceItWasListedAndNoScoreNoOneCouldRead() {
		assertThat(new TrendingListing(LISTING, 3.3e-37, 0, Duration.ofHours(24)).reason())
			.isEqualTo("42 votes since it was listed on Jun 2, 2025, none in the last 24 h");
	}

	@ParameterizedTest
	@CsvSource({ "PT24H, 24 h", "PT1H, 1 h", "P7D, 7 days", "PT48H, 2 days", "PT90M, 90 min", "P1D, 24 h" })
	void windowsAreWrittenAsPeopleSayThem(Duration window, String words) {
		assertThat(TrendingListing.describe(window)).isEqualTo(words);
	}

}
