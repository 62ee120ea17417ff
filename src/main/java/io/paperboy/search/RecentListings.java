package io.paperboy.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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
 * for a few seconds: the same papers come back search after search, and reading 50 of them (four
 * queries, the authors the largest) was a large part of a search's time under load. A paper is
 * forgotten as soon as it changes here (a save, a daily list, a vote or a comment: the events that
 * also update the index) and all of them when a member is deleted, so a search shows them as they
 * now are; what changes without such an event (an
 * import by another process, a submitter's new display name) shows within {@link #KEPT_FOR}, as on
 * the daily lists.
 */
@Component
class RecentListings {

	/** How long a paper read from the catalog is shown without reading it again. */
	static final Duration KEPT_FOR = Duration.ofSeconds(5);

	/** Papers kept at most: about 10 kB each, 100 MB at the very most, far less in practice. */
	static final long KEPT_PAPERS = 10_000;

	private final Catalog catalog;

	private final Cache<String, Listed> listings;

	/** Counts changes, so that a paper read while it changed is not kept as it was. */
	private final AtomicLong changes = new AtomicLong();

	@Autowired
	RecentListings(Catalog catalog) {
		this(catalog, Ticker.systemTicker());
	}

	RecentListings(Catalog catalog, Ticker ticker) {
		this.catalog = catalog;
		this.listings = Caffeine.newBuilder()
			.expireAfterWrite(KEPT_FOR)
			.maximumSize(KEPT_PAPERS)
			.ticker(ticker)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * A paper found, with its title and abstract as shown (arXiv's line breaks unwrapped once, when
	 * read, not for each search).
	 */
	record Listed(PaperListing listing, String title, String summary) {

		static Listed of(PaperListing listing) {
			return new Listed(listing, listing.paper().displayTitle(), listing.paper().displaySummary());
		}

	}

	/** The papers of the catalog among these ids, keyed by id; ids not in the catalog are left out. */
	Map<String, Listed> of(List<String> ids) {
		Map<String, Listed> found = new HashMap<>(this.listings.getAllPresent(ids));
		if (found.size() == ids.size()) {
			return found;
		}
		List<String> missing = new ArrayList<>();
		for (String id : ids) {
			if (!found.containsKey(id)) {
				missing.add(id);
			}
		}
		long before = this.changes.get();
		Map<String, Listed> read = new HashMap<>();
		for (PaperListing listing : this.catalog.listingsOf(missing)) {
			read.put(listing.paper().id(), Listed.of(listing));
		}
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
