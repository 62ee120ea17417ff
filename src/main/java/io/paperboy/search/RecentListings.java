package io.paperboy.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.paperboy.HeapShare;
import io.paperboy.account.MemberDeletedEvent;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.VoteChangedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The papers a search shows, with their daily entries and submitters, read from the catalog and kept
 * while they are unchanged: the same papers come back search after search, and reading 50 of them (four
 * queries, the authors the largest, and arXiv's line breaks unwrapped) was the largest part of a
 * search's time under load. A search looks at the rows of the papers it found (their time written and
 * their members' votes and comments, {@link SearchRepository#stamps}) unless they were looked at in the
 * last {@link #CHECKED_FOR}: a paper whose row changed, from this process or another (an import beside
 * the server, a second node), is read again, and one no longer in the catalog is left out. A paper is
 * also forgotten as soon as it changes here (a save, a daily list, a vote or a comment: the events that
 * also update the index), and all of them when a member is deleted. So a change here shows at once; a
 * change to a paper's row by another process within {@link #CHECKED_FOR} (the index itself catches up
 * with such changes every few seconds); what changes without touching the paper's row in another
 * process (a curator's marks on another node, a submitter's new display name) within {@link #KEPT_FOR}.
 */
@Component
class RecentListings {

	/** How long a paper read from the catalog is shown, while its row is unchanged, without reading it again. */
	static final Duration KEPT_FOR = Duration.ofMinutes(1);

	/**
	 * How long a look at a paper's row holds: under load the same papers are shown many times a second,
	 * and looking at their rows for each search was a tenth of an API search's time. Half the index's own
	 * catch-up interval (by default), in which another process's new papers become searchable.
	 */
	static final Duration CHECKED_FOR = Duration.ofSeconds(5);

	/**
	 * Papers kept at most on a heap of 1 GB or more (scaled down on a smaller one, {@link HeapShare}): a
	 * reading group's whole catalog, such as the 8,506 papers of Hugging Face's lists. What a search
	 * shows of a paper is remembered for as many papers ({@link ApiSearchItems#REMEMBERED_BYTES},
	 * {@link Highlighting#REMEMBERED_CHARACTERS}): a paper kept here whose item or analysis was
	 * forgotten costs nearly as much as one read again. About 5 kB each, 60 MB at most.
	 */
	static final long KEPT_PAPERS = 12_000;

	private final Catalog catalog;

	private final SearchRepository rows;

	private final Cache<String, Listed> listings;

	private final Ticker ticker;

	/** Counts changes, so that a paper read while it changed is not kept as it was. */
	private final AtomicLong changes = new AtomicLong();

	@Autowired
	RecentListings(Catalog catalog, SearchRepository rows) {
		this(catalog, rows, Ticker.systemTicker());
	}

	RecentListings(Catalog catalog, SearchRepository rows, Ticker ticker) {
		this.catalog = catalog;
		this.rows = rows;
		this.ticker = ticker;
		this.listings = Caffeine.newBuilder()
			// from when the paper was read: a look at its row that finds it unchanged does not prolong it
			.expireAfter(Expiry.creating((String id, Listed listed) -> KEPT_FOR))
			.maximumSize(HeapShare.of(KEPT_PAPERS))
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * A paper found, with its title and abstract as shown (arXiv's line breaks unwrapped once, when
	 * read, not for each search), its row's stamp as it was before it was read, and when ({@link Ticker}
	 * time) its row was last seen with that stamp.
	 */
	record Listed(PaperListing listing, String title, String summary, SearchRepository.RowStamp stamp, long checkedAt) {

		static Listed of(PaperListing listing, SearchRepository.RowStamp stamp, long checkedAt) {
			return new Listed(listing, listing.paper().displayTitle(), listing.paper().displaySummary(), stamp,
					checkedAt);
		}

		Listed checkedAt(long time) {
			return new Listed(this.listing, this.title, this.summary, this.stamp, time);
		}

	}

	/** The papers of the catalog among these ids, keyed by id; ids not in the catalog are left out. */
	Map<String, Listed> of(List<String> ids) {
		long before = this.changes.get();
		long now = this.ticker.read();
		Map<String, Listed> kept = this.listings.getAllPresent(ids);
		Map<String, Listed> found = new HashMap<>();
		List<String> unchecked = new ArrayList<>();
		for (String id : ids) {
			Listed listed = kept.get(id);
			if (listed != null && now - listed.checkedAt() < CHECKED_FOR.toNanos()) {
				found.put(id, listed);
			}
			else {
				unchecked.add(id);
			}
		}
		if (unchecked.isEmpty()) {
			return found;
		}
		// looked at before the papers are read: a paper written after this look is read again next time
		Map<String, SearchRepository.RowStamp> stamps = this.rows.stamps(unchecked);
		int wanted = found.size() + stamps.size();
		for (String id : stamps.keySet()) {
			Listed listed = kept.get(id);
			if (listed != null && listed.stamp().equals(stamps.get(id))) {
				found.put(id, listed);
				// unless it changed meanwhile: then it is gone, and stays gone
				if (this.changes.get() == before) {
					this.listings.asMap().replace(id, listed, listed.checkedAt(now));
				}
			}
		}
		if (found.size() == wanted) {
			return found;
		}
		List<String> missing = new ArrayList<>();
		for (String id : stamps.keySet()) {
			if (!found.containsKey(id)) {
				missing.add(id);
			}
		}
		Map<String, Listed> read = new HashMap<>();
		for (PaperListing listing : this.catalog.listingsOf(missing)) {
			String id = listing.paper().id();
			read.put(id, Listed.of(listing, stamps.get(id), now));
		}
		// a paper read again is kept for KEPT_FOR from now, not from its first reading
		this.listings.invalidateAll(read.keySet());
		this.listings.putAll(read);
		// a change committed while they were read: what was read may be older than the change
		if (this.changes.get() != before) {
			this.listings.invalidateAll(read.keySet());
		}
		found.putAll(read);
		return found;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void catalogChanged(CatalogChangedEvent event) {
		changed(event.paperId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void voteChanged(VoteChangedEvent event) {
		changed(event.paperId());
	}

	/** A deleted member's submissions show them as deleted from now on. */
	@TransactionalEventListener(fallbackExecution = true)
	void memberDeleted(MemberDeletedEvent event) {
		this.changes.incrementAndGet();
		this.listings.invalidateAll();
	}

	/** Counted before the paper is forgotten: a read that began before the change then drops what it read. */
	private void changed(String paperId) {
		this.changes.incrementAndGet();
		this.listings.invalidate(paperId);
	}

}
