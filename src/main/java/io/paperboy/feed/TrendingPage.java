package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperPage;
import io.paperboy.stats.Chart;

/**
 * What {@code /papers/trending} shows.
 *
 * @param listings the highest-ranked papers, highest first, each with why it ranks
 * @param halfLife the half-life votes decay with, for the line that explains the ranking
 * @param newAccountAge the account age from which a vote counts fully
 * @param sparklines listed papers' votes per day over the last days, by paper id, for the papers
 * whose votes came on more than one of those days
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

	/**
	 * What the page says when none of its papers had a vote in the recent window (a site whose
	 * papers are older than the clock, or a quiet spell), naming the period the ranking reflects:
	 * "No votes in the last 24 h: papers rank by their earlier votes, the latest listed on Jun 4,
	 * 2025." {@code null} when some paper had recent votes, or there are no papers.
	 */
	public String quietText() {
		if (this.listings.isEmpty() || this.listings.stream().anyMatch((item) -> item.recentVotes() > 0)) {
			return null;
		}
		String window = TrendingListing.describe(this.listings.get(0).window());
		return this.listings.stream()
			.map((item) -> item.listing().entry())
			.filter(Objects::nonNull)
			.map(DailyEntry::submittedAt)
			.max(Comparator.naturalOrder())
			.map((latest) -> "No votes in the last " + window + ": papers rank by their earlier votes, which count less "
					+ "the older they are. The latest of them entered the daily list on " + PaperPage.date(latest) + ".")
			.orElse("No votes in the last " + window + ": papers rank by their earlier votes, which count less the "
					+ "older they are.");
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
