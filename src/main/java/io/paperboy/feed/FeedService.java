package io.paperboy.feed;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperListing;
import io.paperboy.community.VoteChangedEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The daily lists and the periods made of them, as pages and the API show them.
 * <p>
 * Lists are cached: a change committed by this process clears the cache at once; a change made by
 * another process (an import beside the server) shows within {@link FeedProperties#cacheTtl()}.
 */
@Service
public class FeedService {

	/** Most upvoted first; among equals, most recently submitted first. */
	static final Comparator<PaperListing> BY_UPVOTES = Comparator
		.comparingInt((PaperListing listing) -> listing.paper().upvotes())
		.reversed()
		.thenComparing((PaperListing listing) -> listing.entry().submittedAt(), Comparator.reverseOrder())
		.thenComparing((PaperListing listing) -> listing.paper().id());

	/** A day's order: the papers curators featured first, then {@link #BY_UPVOTES}. */
	static final Comparator<PaperListing> FEATURED_FIRST = Comparator
		.comparing((PaperListing listing) -> !listing.entry().featured())
		.thenComparing(BY_UPVOTES);

	private final Catalog catalog;

	private final UserDirectory users;

	private final Cache<Object, Object> cache;

	FeedService(Catalog catalog, UserDirectory users, FeedProperties properties) {
		this.catalog = catalog;
		this.users = users;
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(properties.cacheSize())
			.build();
	}

	/** The most recent day that has papers. */
	public Optional<LocalDate> latestDay() {
		return cached("latest", this.catalog::latestDay);
	}

	/**
	 * A day's list, featured papers first and then most upvoted first, with the neighbouring days
	 * that have papers.
	 */
	public DayPage day(LocalDate day) {
		// reads the catalog itself: a loader must not load other entries of the same cache
		return cached(new DayKey(day), () -> new DayPage(day, sorted(listings(day, day), FEATURED_FIRST),
				this.catalog.dayBefore(day).orElse(null), this.catalog.dayAfter(day).orElse(null),
				this.catalog.firstDay().orElse(null), this.catalog.latestDay().orElse(null)));
	}

	/**
	 * The day with papers nearest to {@code day}: the day itself when it has papers, else the closest
	 * earlier one, else the closest later one.
	 */
	public Optional<LocalDate> nearestDay(LocalDate day) {
		// not cached: any day can be asked for, and it must not push the lists out of the cache
		return this.catalog.dayBefore(day.plusDays(1)).or(() -> this.catalog.dayAfter(day));
	}

	/** A week's or a month's papers, most upvoted first, with the neighbouring periods that have papers. */
	public PeriodPage periodPage(Period period) {
		// reads the catalog itself, like day(): a loader must not load other entries of the same cache
		return cached(new PeriodPageKey(period), () -> new PeriodPage(period,
				sorted(listings(period.first(), period.last()), BY_UPVOTES),
				this.catalog.dayBefore(period.first()).map((day) -> Period.containing(period.kind(), day)).orElse(null),
				this.catalog.dayAfter(period.last()).map((day) -> Period.containing(period.kind(), day)).orElse(null)));
	}

	/** The papers that entered the daily lists from {@code first} to {@code last} inclusive, most recent first. */
	public List<PaperListing> period(LocalDate first, LocalDate last) {
		return cached(new PeriodKey(first, last), () -> listings(first, last));
	}

	/** The papers a user submitted, most recent first; empty for an unknown user. */
	public List<PaperListing> submittedBy(String username) {
		return cached(new SubmitterKey(username), () -> this.users.findByUsername(username)
			.map((user) -> this.catalog.listings(this.catalog.dailyEntriesSubmittedBy(user.id())))
			.orElse(List.of()));
	}

	private List<PaperListing> listings(LocalDate first, LocalDate last) {
		return this.catalog.listings(this.catalog.dailyEntries(first, last));
	}

	static List<PaperListing> sorted(List<PaperListing> listings, Comparator<PaperListing> order) {
		return listings.stream().sorted(order).toList();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void catalogChanged(CatalogChangedEvent event) {
		this.cache.invalidateAll();
	}

	/** Cards show members' votes: a vote changes the lists that show its paper. */
	@TransactionalEventListener(fallbackExecution = true)
	void voteChanged(VoteChangedEvent event) {
		this.cache.invalidateAll();
	}

	/**
	 * The value cached under {@code key}, loaded on a miss. {@code load} must not call this method
	 * again: Caffeine, like the ConcurrentHashMap under it, does not support a load that loads
	 * other entries of the same cache, and fails it with "Recursive update" when the map grows
	 * meanwhile.
	 */
	@SuppressWarnings("unchecked")
	private <T> T cached(Object key, java.util.function.Supplier<T> load) {
		return (T) this.cache.get(key, (k) -> load.get());
	}

	private record DayKey(LocalDate day) {
	}

	private record PeriodKey(LocalDate first, LocalDate last) {
	}

	private record PeriodPageKey(Period period) {
	}

	private record SubmitterKey(String username) {
	}

}
