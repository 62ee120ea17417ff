package io.paperboy.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import io.paperboy.catalog.PaperListing;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodPageTests {

	private static final Period JUNE = Period.month("2025-06");

	@Test
	void cardsAreShownFiftyAtATime() {
		PeriodPage page = new PeriodPage(JUNE, listings(120), null, null);

		assertThat(page.pageCount()).isEqualTo(3);
		assertThat(page.cards(1)).extracting((listing) -> listing.paper().id()).hasSize(50).startsWith("2506.00001");
		assertThat(page.cards(2)).extracting((listing) -> listing.paper().id()).hasSize(50).startsWith("2506.00051");
		assertThat(page.cards(3)).extracting((listing) -> listing.paper().id())
			.hasSize(20)
			.startsWith("2506.00101")
			.endsWith("2506.00120");
	}

	@Test
	void exactlyFiftyCardsFillOnePage() {
		assertThat(new PeriodPage(JUNE, listings(50), null, null).pageCount()).isEqualTo(1);
		assertThat(new PeriodPage(JUNE, listings(51), null, null).pageCount()).isEqualTo(2);
	}

	@Test
	void anEmptyPeriodHasOneEmptyPage() {
		PeriodPage page = new PeriodPage(JUNE, List.of(), Period.month("2025-05"), null);

		assertThat(page.pageCount()).isEqualTo(1);
		assertThat(page.cards(1)).isEmpty();
		assertThat(page.isCatalogEmpty()).isFalse();
	}

	@Test
	void anEmptyPeriodWithoutNeighboursMeansAnEmptyCatalog() {
		assertThat(new PeriodPage(JUNE, List.of(), null, null).isCatalogEmpty()).isTrue();
	}

	@Test
	void newCardsAreCountedOnThePageShown() {
		// papers 1 to 60 entered the list one day apart, at noon from June 1, 2025; the 60th on July 30
		PeriodPage page = new PeriodPage(JUNE, listings(60), null, null);
		Instant now = Instant.parse("2025-07-30T18:00:00Z");

		assertThat(page.newCards(1, now)).isZero();
		assertThat(page.newCards(2, now)).isEqualTo(1);
	}

	private static List<PaperListing> listings(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> {
			String id = String.format("2506.%05d", i);
			LocalDate day = LocalDate.of(2025, 6, 1).plusDays(i - 1);
			return new PaperListing(TestPapers.paper(id).build(), TestPapers.entry(id, day), null);
		}).toList();
	}

}
