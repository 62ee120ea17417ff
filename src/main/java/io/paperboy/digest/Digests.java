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

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.foryou.ForYou;
import io.paperboy.search.SimilarPapers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes digests: the papers that entered the daily lists since the subscriber's previous
 * digest, ranked by trending, kept to their topics and minimum upvotes, never one they were sent
 * before, then ordered as the subscriber chose ({@link Ordering}): by trending, papers like those
 * the member upvoted first, or by the member's "For you" model, trained once per digest.
 * <p>
 * Keywords are matched as whole words or phrases, without regard to case, in the title, the
 * abstract and the source's keywords of a paper: the search index ranks by relevance over the
 * whole archive, while a digest needs a yes or no for a few dozen papers of one period.
 */
@Service
class Digests {

	/** How far back a digest reaches at most, however long since the previous one. */
	static final Duration LONGEST_PERIOD = Duration.ofDays(14);

	/** Upvoted papers the "like papers I upvoted" order looks at. */
	private static final int UPVOTES_CONSIDERED = 20;

	/** The note of a "For you" digest while the member has given no signal to learn from. */
	static final String LEARNING = "These papers are in trending order for now. Your digest learns what you like "
			+ "from the papers you save and upvote on the site, and the authors you follow.";

	private static final Logger logger = LoggerFactory.getLogger(Digests.class);

	private final Candidates candidates;

	private final SubscriptionRepository subscriptions;

	private final Catalog catalog;

	private final Accounts accounts;

	private final SimilarPapers similar;

	private final ForYou forYou;

	Digests(Candidates candidates, SubscriptionRepository subscriptions, Catalog catalog, Accounts accounts,
			SimilarPapers similar, ForYou forYou) {
		this.candidates = candidates;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.accounts = accounts;
		this.similar = similar;
		this.forYou = forYou;
	}

	/** The digest this subscriber would get if it were sent {@code now}. */
	@Transactional(readOnly = true)
	Digest compose(Subscription subscription, Instant now) {
		return compose(subscription, new Run(now));
	}

	/**
	 * The same, within a run that composes many digests at one instant: the run reads the papers
	 * that entered the lists in the longest period a digest covers, their listings and their votes
	 * once, and matches each keyword against them once, rather than once per subscriber.
	 */
	Digest compose(Subscription subscription, Run run) {
		return compose(subscription, run, this.subscriptions.sentPapers(subscription.id(), sentAfter(run.now)));
	}

	/**
	 * The same, with the papers the subscriber was sent in the digests queued after
	 * {@link #sentAfter}, read for many subscribers at once
	 * ({@link SubscriptionRepository#sentPapers(java.util.Collection, Instant)}).
	 */
	Digest compose(Subscription subscription, Run run, Set<String> sent) {
		return compose(subscription, run, sent, null);
	}

	/**
	 * The same, with the members behind a block of subscriptions read at once ({@link #membersOf}):
	 * a subscription whose member is not in {@code members} has none.
	 * @param members the members by subscription id, or {@code null} to look each one up
	 */
	Digest compose(Subscription subscription, Run run, Set<String> sent, Map<Long, Member> members) {
		Instant now = run.now;
		Preferences preferences = subscription.preferences();
		Instant since = since(subscription, now);
		Window window = run.window(this);
		Interests interests = (preferences.ordering() == Ordering.UPVOTED) ? interests(member(subscription, members))
				: Interests.NONE;
		List<Map.Entry<String, Set<String>>> topics = topics(preferences, run);
		List<Ranked> kept = new ArrayList<>();
		for (Candidates.Candidate candidate : window.candidates()) {
			if (!candidate.enteredAt().isAfter(since) || sent.contains(candidate.paperId())) {
				continue;
			}
			PaperListing listing = window.listings().get(candidate.paperId());
			if (listing == null || listing.paper().upvotes() < preferences.minUpvotes()) {
				continue;
			}
			Optional<String> topic = topicOf(listing.paper(), topics);
			if (preferences.hasTopics() && topic.isEmpty()) {
				continue;
			}
			int periodVotes = candidate.memberVotesSince(since) + listing.paper().importedUpvotes();
			double affinity = interests.affinity(listing.paper());
			String reason = (affinity > 0) ? "like papers you upvoted"
					: topic.map((matched) -> "matches: " + matched)
						.orElseGet(() -> "trending: +" + periodVotes + ((periodVotes == 1) ? " vote " : " votes ")
								+ periodWords(subscription.preferences().cadence()));
			kept.add(new Ranked(new DigestItem(listing, periodVotes, reason), kept.size(), affinity));
		}
		// a stable sort: the trending order stays within equal affinity
		kept.sort(Comparator.comparingDouble(Ranked::affinity).reversed().thenComparingInt(Ranked::trendingRank));
		List<DigestItem> items = kept.stream().map(Ranked::item).toList();
		String note = null;
		if (preferences.ordering() == Ordering.FOR_YOU) {
			Ordered ordered = forYou(subscription, member(subscription, members), items);
			items = ordered.items();
			note = ordered.note();
		}
		items = items.stream().limit(preferences.papers()).toList();
		return new Digest(subscription, since, now, now.atZone(preferences.zone()).toLocalDate(), items, note);
	}

	/**
	 * The kept papers in the order of the member's "For you" model, each it placed with its reason, those it
	 * did not place after them in trending order with their own reason, and none the member is not
	 * interested in. A member with no signal yet gets the trending order and a note saying what the digest
	 * learns from; when the model cannot answer (no member, no index), the digest stays as it was.
	 */
	private Ordered forYou(Subscription subscription, Optional<Member> member, List<DigestItem> kept) {
		if (member.isEmpty() || kept.isEmpty()) {
			return new Ordered(kept, null);
		}
		ForYou.Ranking ranking;
		try {
			ranking = this.forYou.rank(member.get().id(), kept.stream().map((item) -> item.listing().paper().id()).toList());
		}
		catch (RuntimeException ex) {
			logger.warn("Digest for subscription {} in trending order: the For you model did not answer: {}",
					subscription.id(), ex.toString());
			return new Ordered(kept, null);
		}
		Map<String, DigestItem> byId = new HashMap<>();
		kept.forEach((item) -> byId.put(item.listing().paper().id(), item));
		List<DigestItem> ordered = new ArrayList<>();
		for (ForYou.Item item : ranking.items()) {
			DigestItem digestItem = byId.get(item.paperId());
			if (digestItem != null) {
				ordered.add((item.reason() != null)
						? new DigestItem(digestItem.listing(), digestItem.periodVotes(), item.reason()) : digestItem);
			}
		}
		return new Ordered(ordered, ranking.coldStart() ? LEARNING : null);
	}

	/** Papers in order, and the note that goes with them. */
	private record Ordered(List<DigestItem> items, String note) {
	}

	/** The member behind a subscription: the one it is linked to, or the one with its address. */
	private Optional<Member> member(Subscription subscription, Map<Long, Member> members) {
		if (members != null) {
			return Optional.ofNullable(members.get(subscription.id()));
		}
		return (subscription.userId() != null) ? this.accounts.find(subscription.userId())
				: this.accounts.findByEmail(subscription.email());
	}

	/**
	 * The members behind the subscriptions whose order needs one ("like papers I upvoted", "For
	 * you"), by subscription id: those found by address in one query for the block, those linked to
	 * a member (fewer: a member's own subscription) one by one.
	 */
	Map<Long, Member> membersOf(List<Subscription> subscriptions) {
		List<Subscription> ordered = subscriptions.stream()
			.filter((subscription) -> subscription.preferences().ordering() != Ordering.TRENDING)
			.toList();
		Map<String, Member> byEmail = this.accounts.findAllByEmail(ordered.stream()
			.filter((subscription) -> subscription.userId() == null)
			.map(Subscription::email)
			.toList());
		Map<Long, Member> members = new HashMap<>();
		for (Subscription subscription : ordered) {
			Optional<Member> member = (subscription.userId() != null) ? this.accounts.find(subscription.userId())
					: Optional.ofNullable(byEmail.get(subscription.email()));
			member.ifPresent((found) -> members.put(subscription.id(), found));
		}
		return members;
	}

	/** The papers of the longest period a digest covers, ending now, with their listings. */
	private Window window(Instant now) {
		List<Candidates.Candidate> candidates = this.candidates.enteredBetween(now.minus(LONGEST_PERIOD), now);
		Map<String, PaperListing> listings = new HashMap<>();
		if (!candidates.isEmpty()) {
			this.catalog.listingsOf(candidates.stream().map(Candidates.Candidate::paperId).toList())
				.forEach((listing) -> listings.put(listing.paper().id(), listing));
		}
		return new Window(candidates, listings);
	}

	/**
	 * Since when the digests a subscriber was sent count: a digest reaches back
	 * {@link #LONGEST_PERIOD} at most, so an older one cannot hold a paper it could pick (a day more
	 * for the digest that ended where the period starts).
	 */
	static Instant sentAfter(Instant now) {
		return now.minus(LONGEST_PERIOD).minus(Duration.ofDays(1));
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

	/**
	 * The subscriber's categories, then keywords, each with the papers of the run's window it
	 * matches, in the order they are tried.
	 */
	private static List<Map.Entry<String, Set<String>>> topics(Preferences preferences, Run run) {
		List<Map.Entry<String, Set<String>>> topics = new ArrayList<>();
		preferences.categories().forEach((category) -> topics.add(Map.entry(category, run.inCategory(category))));
		preferences.keywords().forEach((keyword) -> topics.add(Map.entry(keyword, run.matching(keyword))));
		return topics;
	}

	/** The first category or keyword that puts a paper in the subscriber's topics, if any does. */
	private static Optional<String> topicOf(Paper paper, List<Map.Entry<String, Set<String>>> topics) {
		for (Map.Entry<String, Set<String>> topic : topics) {
			if (topic.getValue().contains(paper.id())) {
				return Optional.of(topic.getKey());
			}
		}
		return Optional.empty();
	}

	/** The text a keyword is looked for in: title, abstract and the source's keywords. */
	private static String topicText(Paper paper) {
		return String.join("\n", paper.displayTitle(), paper.displaySummary(), String.join("\n", paper.aiKeywords()));
	}

	/**
	 * Text as phrases are looked for in it: lower case, and each run of white space or hyphens one
	 * space, so "Graph-Neural  networks" reads "graph neural networks".
	 */
	static String folded(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		boolean gap = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '-') {
				gap = true;
				continue;
			}
			if (gap && !folded.isEmpty()) {
				folded.append(' ');
			}
			gap = false;
			folded.append(c);
		}
		return folded.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether folded text has the folded phrase as whole words: neither a letter nor a digit just
	 * before or just after it.
	 */
	static boolean hasPhrase(String text, String phrase) {
		if (phrase.isEmpty()) {
			return false;
		}
		for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
			int end = at + phrase.length();
			if ((at == 0 || !isWordCharacter(text.codePointBefore(at)))
					&& (end == text.length() || !isWordCharacter(text.codePointAt(end)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isWordCharacter(int codePoint) {
		if (Character.isLetter(codePoint)) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	/**
	 * What the member behind a subscription has shown interest in: papers near in meaning to those
	 * they upvoted (from the search index, when it has embeddings), and the categories of those
	 * papers.
	 */
	private Interests interests(Optional<Member> member) {
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

	/** The papers that entered the lists in the longest period a digest covers, and their listings. */
	private record Window(List<Candidates.Candidate> candidates, Map<String, PaperListing> listings) {
	}

	/**
	 * What one run of many digests at one instant shares: the papers of the longest period with
	 * their listings (read when the first digest needs them), and the papers each category and
	 * each keyword matches among them. Made for one run and dropped after it, so nothing outlives the data it was read
	 * from. Digests of one run may be composed on several threads.
	 */
	static final class Run {

		private final Instant now;

		private final Map<String, Set<String>> matches = new ConcurrentHashMap<>();

		private final Map<String, Set<String>> categories = new ConcurrentHashMap<>();

		private final Map<String, String> topicTexts = new ConcurrentHashMap<>();

		private volatile Window window;

		Run(Instant now) {
			this.now = now;
		}

		Instant now() {
			return this.now;
		}

		private Window window(Digests digests) {
			Window read = this.window;
			if (read == null) {
				synchronized (this) {
					read = this.window;
					if (read == null) {
						read = digests.window(this.now);
						this.window = read;
					}
				}
			}
			return read;
		}

		/**
		 * The papers of the window in an arXiv category, in any case: {@code cs.LG} itself, or
		 * {@code stat} and every {@code stat.*}; each category is looked for once a run.
		 */
		private Set<String> inCategory(String category) {
			return this.categories.computeIfAbsent(category.toLowerCase(Locale.ROOT), (wanted) -> {
				Set<String> in = new HashSet<>();
				this.window.listings().values().forEach((listing) -> {
					for (String own : listing.paper().categories()) {
						String lower = own.toLowerCase(Locale.ROOT);
						if (lower.equals(wanted) || lower.startsWith(wanted + ".")) {
							in.add(listing.paper().id());
							return;
						}
					}
				});
				return Set.copyOf(in);
			});
		}

		/**
		 * The papers of the window whose text has the keyword as whole words, in any case and with
		 * any run of spaces or hyphens between its words; each keyword is looked for once a run.
		 */
		private Set<String> matching(String keyword) {
			return this.matches.computeIfAbsent(folded(keyword), (phrase) -> {
				Set<String> matching = new HashSet<>();
				this.window.listings().values().forEach((listing) -> {
					Paper paper = listing.paper();
					if (hasPhrase(this.topicTexts.computeIfAbsent(paper.id(), (id) -> folded(topicText(paper))), phrase)) {
						matching.add(paper.id());
					}
				});
				return Set.copyOf(matching);
			});
		}

	}

}
