package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.paperboy.stats.Chart;

/**
 * What {@code /papers/trending} shows.
 *
 * @param listings the highest-ranked papers, highest first, each with why it ranks
 * @param halfLife the half-life votes decay with, for the line that explains the ranking
 * @param newAccountAge the account age from which a vote counts fully
 * @param sparklines each listed paper's votes per day over the last days, by paper id
 * @param now the time the page is rendered for, which decides the "new" badges
 */
public record TrendingPage(List<TrendingListing> listings, Duration halfLife, Duration newAccountAge,
		Map<String, Chart> sparklines, Instant now) {

	/** Days a card's sparkline covers. */
	public static final int SPARKLINE_DAYS = 14;

	/** How many of the cards carry the "new" badge at {@code now}. */
	static int newCards(List<TrendingListing> listings, Instant now) {
		return (int) listings.stream().filter((item) -> item.listing().isNewAt(now)).count();
	}

	/** The half-life in words: "36 h". */
	public String halfLifeText() {
		return TrendingListing.describe(this.halfLife);
	}

	/** The new-account age in words: "7 days". */
	public String newAccountAgeText() {
		return TrendingListing.describe(this.newAccountAge);
	}

}
