package io.paperboy.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.paperboy.account.User;

/**
 * A paper with its place on a daily list and its submitter, as cards, paper pages and the API show it.
 *
 * @param paper the paper
 * @param entry its place on a daily list, or {@code null} when it is on none
 * @param submitter who submitted it, or {@code null} when unknown
 */
public record PaperListing(Paper paper, DailyEntry entry, User submitter) {

	/** How many authors to name on a card before "+N more". */
	public static final int AUTHORS_ON_CARD = 3;

	/** The first few authors' names, joined. */
	public String firstAuthors() {
		return String.join(", ", authorsOnCard().stream().map(Author::name).toList());
	}

	/** The authors a card names, each a link to their page. */
	public List<Author> authorsOnCard() {
		List<Author> authors = this.paper.authors();
		return authors.subList(0, Math.min(authors.size(), AUTHORS_ON_CARD));
	}

	/** How many authors a card leaves to the paper page's list ("+N more"). */
	public int moreAuthors() {
		return Math.max(0, this.paper.authors().size() - AUTHORS_ON_CARD);
	}

	/** How long a paper counts as new after it entered a daily list. */
	public static final Duration NEW_FOR = Duration.ofHours(24);

	/**
	 * Whether the paper entered a daily list less than {@link #NEW_FOR} before {@code now}. An entry
	 * time ahead of {@code now} (a source whose clock runs fast) counts as new too.
	 */
	public boolean isNewAt(Instant now) {
		return this.entry != null && this.entry.submittedAt().isAfter(now.minus(NEW_FOR));
	}

	/** An abstract excerpt for a card. */
	public String excerpt() {
		return Text.excerpt(this.paper.summary(), 280);
	}

}
