package io.paperboy.feed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class FeedServiceTests {

	@Test
	void dayPagesOfManyDaysLoadOneAfterAnother() {
		// Loading a day page must not load another cache entry from inside its own loader: the
		// cache's map refuses that ("Recursive update") once it has to grow meanwhile.
		Catalog catalog = mock(Catalog.class);
		given(catalog.dailyEntries(any(), any())).willReturn(List.of());
		given(catalog.listings(any())).willReturn(List.of());
		given(catalog.dayBefore(any())).willReturn(Optional.empty());
		given(catalog.dayAfter(any())).willReturn(Optional.empty());
		FeedService feed = new FeedService(catalog, mock(UserDirectory.class),
				new FeedProperties(Duration.ofMinutes(5), 1000));
		LocalDate first = LocalDate.of(2024, 5, 27);
		for (int i = 0; i < 521; i++) {
			LocalDate day = first.plusDays(i);
			assertThat(feed.day(day).day()).isEqualTo(day);
		}
	}

}
