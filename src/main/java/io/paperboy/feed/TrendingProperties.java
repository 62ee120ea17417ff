package io.paperboy.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the trending list. The formula is explained in {@code docs/trending.md}.
 *
 * @param halfLife how long it takes a vote's weight in the trending score to halve. Longer keeps
 * last week's papers on the list; shorter makes it "what got votes today". Changing it rebuilds
 * every score at the next start. Default 36 hours.
 * @param newAccountAge the account age from which a member's vote counts fully; a younger account's
 * vote weighs its age divided by this (an account an hour old: 1/168 of a vote with the default),
 * which damps bursts from freshly made accounts. Changing it rebuilds every score at the next
 * start. Default 7 days.
 * @param rebaseAfterHalfLives how far, in half-lives, the reference time the scores are stored
 * against may fall behind the present before the maintenance job moves it forward (scores grow by
 * a factor of two per half-life past it; a double overflows past 2^1024). Default 64 (96 days
 * with the default half-life).
 * @param maintenanceInterval how often the maintenance job checks whether the reference time is
 * due to move. Default 1 hour.
 * @param pageSize how many papers {@code /papers/trending} shows. Default 50.
 * @param recentWindow the window a card's reason counts votes in ("+42 votes in the last 24 h").
 * Default 24 hours.
 */
@ConfigurationProperties("paperboy.trending")
public record TrendingProperties(@DefaultValue("36h") Duration halfLife, @DefaultValue("7d") Duration newAccountAge,
		@DefaultValue("64") int rebaseAfterHalfLives, @DefaultValue("1h") Duration maintenanceInterval,
		@DefaultValue("50") int pageSize, @DefaultValue("24h") Duration recentWindow) {

	public TrendingProperties {
		require(halfLife.compareTo(Duration.ofMinutes(1)) >= 0, "half-life must be at least 1 minute");
		require(newAccountAge.compareTo(Duration.ofSeconds(1)) >= 0, "new-account-age must be at least 1 second");
		require(rebaseAfterHalfLives >= 1 && rebaseAfterHalfLives <= 512,
				"rebase-after-half-lives must be from 1 to 512");
		require(maintenanceInterval.compareTo(Duration.ofSeconds(1)) >= 0,
				"maintenance-interval must be at least 1 second");
		require(pageSize >= 1 && pageSize <= 100, "page-size must be from 1 to 100");
		require(recentWindow.compareTo(Duration.ofMinutes(1)) >= 0, "recent-window must be at least 1 minute");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException("paperboy.trending." + message);
		}
	}

}
