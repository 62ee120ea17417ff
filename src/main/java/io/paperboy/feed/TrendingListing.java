package io.paperboy.feed;

import java.time.Duration;

import io.paperboy.catalog.PaperListing;
import io.paperboy.catalog.PaperPage;

/**
 * A paper on the trending list, with why it ranks where it does.
 *
 * @param listing the paper with its daily entry and submitter
 * @param score its decayed trending score when the list was made: a vote cast then counts 1
 * @param recentVotes votes cast within {@code window} before the list was made, imported ones
 * included (an imported count counts at the time the paper entered the daily list)
 * @param window the window {@code recentVotes} counts
 */
public record TrendingListing(PaperListing listing, double score, int recentVotes, Duration window) {

	/**
	 * Why the paper ranks, as its card says it: "+42 votes in the last 24 h", or how many it has had
	 * since it was listed. The score itself is not shown: a number such as 3.3e-37 (a paper whose
	 * votes are months old) tells a reader nothing the votes and their dates do not.
	 */
	public String reason() {
		if (this.recentVotes > 0) {
			return "+" + votes(this.recentVotes) + " in the last " + describe(this.window);
		}
		int upvotes = this.listing.paper().upvotes();
		String since = (this.listing.entry() != null)
				? " since it was listed on " + PaperPage.date(this.listing.entry().submittedAt()) : "";
		return votes(upvotes) + since + ", none in the last " + describe(this.window);
	}

	private static String votes(int count) {
		return count + ((count == 1) ? " vote" : " votes");
	}

	/** "24 h", "7 days", "90 min". */
	static String describe(Duration window) {
		if (window.toDaysPart() >= 2 && window.equals(Duration.ofDays(window.toDays()))) {
			return window.toDays() + " days";
		}
		if (window.equals(Duration.ofHours(window.toHours()))) {
			return window.toHours() + " h";
		}
		return window.toMinutes() + " min";
	}

}
