package io.paperboy.feed;

import java.time.Duration;
import java.util.List;

/**
 * What {@code /papers/trending} shows.
 *
 * @param listings the highest-ranked papers, highest first, each with why it ranks
 * @param halfLife the half-life votes decay with, for the line that explains the ranking
 * @param newAccountAge the account age from which a vote counts fully
 */
public record TrendingPage(List<TrendingListing> listings, Duration halfLife, Duration newAccountAge) {

	/** The half-life in words: "36 h". */
	public String halfLifeText() {
		return TrendingListing.describe(this.halfLife);
	}

	/** The new-account age in words: "7 days". */
	public String newAccountAgeText() {
		return TrendingListing.describe(this.newAccountAge);
	}

}
