package io.paperboy.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.VoteChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The trending list: papers on the daily lists ranked by their trending score (see
 * {@link TrendingFormula} and {@code docs/trending.md}), each with why it ranks. Reading it is an
 * index read of the highest stored scores.
 * <p>
 * Lists are cached like the daily lists: a vote or an import committed by this process clears the
 * cache at once; changes made by another process show within {@link FeedProperties#cacheTtl()}.
 */
@Service
public class Trending {

	/** How deep the trending list goes: the API pages through the top this many papers. */
	public static final int MAX_DEPTH = 1000;

	private final TrendingRepository repository;

	private final TrendingScores scores;

	private final Catalog catalog;

	private final TrendingProperties properties;

	private final Clock clock;

	private final Cache<Range, List<TrendingListing>> cache;

	Trending(TrendingRepository repository, TrendingScores scores, Catalog catalog, TrendingProperties properties,
			FeedProperties feed, Clock clock) {
		this.repository = repository;
		this.scores = scores;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().expireAfterWrite(feed.cacheTtl()).maximumSize(feed.cacheSize()).build();
	}

	/** The {@code limit} highest-ranked papers, highest first, each with why it ranks. */
	public List<TrendingListing> top(int limit) {
		return page(0, limit);
	}

	/**
	 * Papers ranked {@code offset + 1} to {@code offset + limit}, highest first; the list ends at
	 * {@link #MAX_DEPTH}. The same list object is returned for as long as it is current.
	 */
	public List<TrendingListing> page(int offset, int limit) {
		if (offset < 0 || limit < 1) {
			throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
		}
		if (offset >= MAX_DEPTH) {
			return List.of();
		}
		Range range = new Range(offset, Math.min(limit, MAX_DEPTH - offset));
		return this.cache.get(range, this::load);
	}

	/**
	 * The stored scores of these papers, by paper id, for ordering another list by trending: stored
	 * scores share one epoch, so their order is the order of the decayed scores. Papers on no daily
	 * list have none.
	 */
	Map<String, Double> storedScores(Collection<String> paperIds) {
		Map<String, Double> found = new HashMap<>();
		this.repository.scores(paperIds).forEach((id, stored) -> found.put(id, stored.score()));
		return found;
	}

	/** The half-life the scores decay with, for pages that explain the ranking. */
	public Duration halfLife() {
		return this.scores.current().halfLife();
	}

	/** The account age from which a member's vote counts fully. */
	public Duration newAccountAge() {
		return this.scores.current().newAccountAge();
	}

	private List<TrendingListing> load(Range range) {
		Instant now = this.clock.instant();
		TrendingFormula formula = this.scores.current().formula();
		List<TrendingRepository.StoredScore> ranked = this.repository.top(range.offset(), range.limit());
		Map<String, PaperListing> listings = new HashMap<>();
		this.catalog.listingsOf(ranked.stream().map(TrendingRepository.StoredScore::paperId).toList())
			.forEach((listing) -> listings.put(listing.paper().id(), listing));
		Instant since = now.minus(this.properties.recentWindow());
		Map<String, Integer> recentMemberVotes = this.repository.votesBetween(listings.keySet(), since, now);
		List<TrendingListing> list = new ArrayList<>(ranked.size());
		for (TrendingRepository.StoredScore stored : ranked) {
			PaperListing listing = listings.get(stored.paperId());
			if (listing == null) {
				continue; // removed since the scores were read
			}
			int recent = recentMemberVotes.getOrDefault(stored.paperId(), 0);
			Instant entered = (listing.entry() != null) ? listing.entry().submittedAt() : null;
			if (entered != null && entered.isAfter(since) && !entered.isAfter(now)) {
				recent += listing.paper().importedUpvotes();
			}
			list.add(new TrendingListing(listing, formula.decayed(stored.score(), stored.epoch(), now), recent,
					this.properties.recentWindow()));
		}
		return List.copyOf(list);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void voteChanged(VoteChangedEvent event) {
		this.cache.invalidateAll();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void catalogChanged(CatalogChangedEvent event) {
		this.cache.invalidateAll();
	}

	@EventListener
	void scoresChanged(TrendingScoresChangedEvent event) {
		this.cache.invalidateAll();
	}

	private record Range(int offset, int limit) {
	}

}
