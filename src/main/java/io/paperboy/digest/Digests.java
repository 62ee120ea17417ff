package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.search.SimilarPapers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes digests: the papers that entered the daily lists since the subscriber's previous
 * digest, ranked by trending, kept to their topics and minimum upvotes, never one they were sent
 * before, and ordered by their interests when personal ordering is on.
 * <p>
 * Keywords are matched as whole words or phrases, without regard to case, in the title, the
 * abstract and the source's keywords of a paper: the search index ranks by relevance over the
 * whole archive, while a digest needs a yes or no for a few dozen papers of one period.
 */
@Service
class Digests {

	/** How far back a digest reaches at most, however long since the previous one. */
	static final Duration LONGEST_PERIOD = Duration.ofDays(14);

	/** Upvoted papers personal ordering looks at. */
	private static final int UPVOTES_CONSIDERED = 20;

	private final CandidateRepository candidates;

	private final SubscriptionRepository subscriptions;

	private final Catalog catalog;

	private final Accounts accounts;

	private final SimilarPapers similar;

	Digests(CandidateRepository candidates, SubscriptionRepository subscriptions, Catalog catalog, Accounts accounts,
			SimilarPapers similar) {
		this.candidates = candidates;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.accounts = accounts;
		this.similar = similar;
	}

	/** The digest this subscriber would get if it were sent {@code now}. */
	@Transactional(readOnly = true)
	Digest compose(Subscription subscription, Instant now) {
		return compose(subscription, now, new Run());
	}

	/**
	 * The same, within a run that composes many digests at one instant: the run keeps the
	 * candidates of each window and every paper's listing it has loaded, so each is read once per
	 * run rather than once per subscriber.
	 */
	@Transactional(readOnly = true)
	Digest compose(Subscription subscription, Instant now, Run run) {
		Preferences preferences = subscription.preferences();
		Instant since = since(subscription, now);
		Set<String> sent = this.subscriptions.sentPapers(subscription.id());
		List<CandidateRepository.Candidate> ranked = run.candidates
			.computeIfAbsent(since, (from) -> this.candidates.enteredBetween(from, now))
			.stream()
			.filter((candidate) -> !sent.contains(candidate.paperId()))
			.toList();
		List<String> missing = ranked.stream()
			.map(CandidateRepository.Candidate::paperId)
			.filter((id) -> !run.listings.containsKey(id))
			.toList();
		if (!missing.isEmpty()) {
			this.catalog.listingsOf(missing).forEach((listing) -> run.listings.put(listing.paper().id(), listing));
		}
		Map<String, PaperListing> listings = run.listings;
		Interests interests = preferences.personal() ? interests(subscription) : Interests.NONE;
		List<Ranked> kept = new ArrayList<>();
		for (CandidateRepository.Candidate candidate : ranked) {
			PaperListing listing = listings.get(candidate.paperId());
			if (listing == null || listing.paper().upvotes() < preferences.minUpvotes()) {
				continue;
			}
			Optional<String> topic = topicOf(listing.paper(), preferences);
			if (preferences.hasTopics() && topic.isEmpty()) {
				continue;
			}
			int periodVotes = candidate.memberVotes() + listing.paper().importedUpvotes();
			double affinity = interests.affinity(listing.paper());
			String reason = (affinity > 0) ? "like papers you upvoted"
					: topic.map((matched) -> "matches: " + matched)
						.orElseGet(() -> "trending: +" + periodVotes + ((periodVotes == 1) ? " vote " : " votes ")
								+ periodWords(subscription.preferences().cadence()));
			kept.add(new Ranked(new DigestItem(listing, periodVotes, reason), kept.size(), affinity));
		}
		// a stable sort: the trending order stays within equal affinity
		kept.sort(Comparator.comparingDouble(Ranked::affinity).reversed().thenComparingInt(Ranked::trendingRank));
		List<DigestItem> items = kept.stream().limit(preferences.papers()).map(Ranked::item).toList();
		return new Digest(subscription, since, now, now.atZone(preferences.zone()).toLocalDate(), items);
	}

	/** Where a digest starts: the end of the previous one, or a day (a week) back for the first. */
	static Instant since(Subscription subscription, Instant now) {
		Instant earliest = now.minus(LONGEST_PERIOD);
		Instant since = (subscription.lastSentAt() != null) ? subscription.lastSentAt()
				: now.minus(subscription.preferences().cadence().firstLookBack());
		return since.isBefore(earliest) ? earliest : since;
	}

	private static String periodWords(Cadence cadence) {
		return (cadence == Cadence.WEEKLY) ? "this week" : "today";
	}

	/** The category or keyword that puts a paper in the subscriber's topics, if any does. */
	static Optional<String> topicOf(Paper paper, Preferences preferences) {
		for (String category : preferences.categories()) {
			for (String own : paper.categories()) {
				if (own.equalsIgnoreCase(category) || own.toLowerCase(Locale.ROOT).startsWith(category.toLowerCase(Locale.ROOT) + ".")) {
					return Optional.of(category);
				}
			}
		}
		if (preferences.keywords().isEmpty()) {
			return Optional.empty();
		}
		String text = String.join("\n", paper.displayTitle(), paper.displaySummary(), String.join("\n", paper.aiKeywords()));
		for (String keyword : preferences.keywords()) {
			if (phrase(keyword).matcher(text).find()) {
				return Optional.of(keyword);
			}
		}
		return Optional.empty();
	}

	/** A phrase as whole words, any case, any run of spaces or hyphens between its words. */
	private static Pattern phrase(String keyword) {
		StringBuilder pattern = new StringBuilder("(?<![\\p{L}\\p{N}])");
		String[] words = keyword.strip().split("[\\s-]+");
		for (int i = 0; i < words.length; i++) {
			if (i > 0) {
				pattern.append("[\\s-]+");
			}
			pattern.append(Pattern.quote(words[i]));
		}
		pattern.append("(?![\\p{L}\\p{N}])");
		return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/**
	 * What the member behind a subscription has shown interest in: papers near in meaning to those
	 * they upvoted (from the search index, when it has embeddings), and the categories of those
	 * papers.
	 */
	private Interests interests(Subscription subscription) {
		Optional<Member> member = (subscription.userId() != null) ? this.accounts.find(subscription.userId())
				: this.accounts.findByEmail(subscription.email());
		if (member.isEmpty()) {
			return Interests.NONE;
		}
		List<String> upvoted = this.candidates.upvotedBy(member.get().id(), UPVOTES_CONSIDERED);
		if (upvoted.isEmpty()) {
			return Interests.NONE;
		}
		Set<String> near = new HashSet<>();
		for (String paperId : upvoted) {
			this.similar.of(paperId).forEach((listing) -> near.add(listing.paper().id()));
		}
		Map<String, Integer> categories = new HashMap<>();
		this.catalog.findPapers(upvoted).values().forEach((paper) -> {
			if (paper.primaryCategory() != null) {
				categories.merge(paper.primaryCategory(), 1, Integer::sum);
			}
		});
		return new Interests(near, categories, upvoted.size());
	}

	/**
	 * A member's interests: a paper near one they upvoted counts most, then the share of their
	 * upvotes in its primary category.
	 */
	private record Interests(Set<String> near, Map<String, Integer> categories, int upvotes) {

		static final Interests NONE = new Interests(Set.of(), Map.of(), 0);

		double affinity(Paper paper) {
			if (this.upvotes == 0) {
				return 0;
			}
			double nearness = this.near.contains(paper.id()) ? 1 : 0;
			int inCategory = (paper.primaryCategory() != null) ? this.categories.getOrDefault(paper.primaryCategory(), 0) : 0;
			return nearness + (double) inCategory / this.upvotes;
		}

	}

	private record Ranked(DigestItem item, int trendingRank, double affinity) {
	}

	/**
	 * What one run of many digests at one instant shares: candidates per window start, and listings
	 * per paper. Made for one run and dropped after it, so nothing outlives the data it was read from.
	 */
	static final class Run {

		private final Map<Instant, List<CandidateRepository.Candidate>> candidates = new ConcurrentHashMap<>();

		private final Map<String, PaperListing> listings = new ConcurrentHashMap<>();

	}

}
