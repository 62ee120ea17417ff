package io.paperboy.foryou;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.paperboy.account.MemberDeletedEvent;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.community.VoteChangedEvent;
import io.paperboy.library.MemberSignals;
import io.paperboy.library.SignalsChangedEvent;
import io.paperboy.library.Signals;
import io.paperboy.library.TimedPaper;
import io.paperboy.search.PaperVectors;
import io.paperboy.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;

/**
 * A member's "For you" feed: the papers listed or published in a window, ranked by an
 * {@link InterestModel} of that member's signals, each with the reason it is there
 * (docs/for-you.md, "The feed"). Papers by authors the member follows come first, papers not embedded
 * yet are ranked by their words (after the ranked ones when the model has no word part), papers the
 * member is not interested in never. Nothing is kept between
 * requests: the model is trained afresh for each.
 */
@Service
public class ForYou {

	private static final Logger logger = LoggerFactory.getLogger(ForYou.class);

	/** The most papers of a window the feed considers, the most recent first. */
	static final int CANDIDATES = 5_000;

	/** Papers drawn from the whole index as background (weak negatives) for the model. */
	static final int BACKGROUND = 1_000;

	/** The days a window spans when none is given, today included. */
	static final int DEFAULT_DAYS = 7;

	/** The longest window, in days. */
	static final int MAX_DAYS = 366;

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 100;

	/** The weight of a comment, as a positive example; saves, upvotes and submissions weigh 1. */
	static final double COMMENT_WEIGHT = 0.5;

	/** How many places a ranked paper in a category the member picked moves up. */
	static final int PICKED_LIFT = 5;

	static final String NOT_YET_READ = "New, not yet read by the model";

	static final String RECENT = "Recent in this window";

	private final Signals signals;

	private final Catalog catalog;

	private final PaperVectors vectors;

	private final Clock clock;

	private final TrainedModels models;

	/** Trains members' models in the background when their signals change. */
	private final ExecutorService trainer;

	/** The background trainings that may wait; beyond, the oldest are dropped. */
	static final int TRAINING_QUEUE = 64;

	ForYou(Signals signals, Catalog catalog, PaperVectors vectors, Clock clock) {
		this.signals = signals;
		this.catalog = catalog;
		this.vectors = vectors;
		this.clock = clock;
		this.models = new TrainedModels(clock);
		this.trainer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(TRAINING_QUEUE),
				(task) -> {
					Thread thread = new Thread(task, "for-you-training");
					thread.setDaemon(true);
					thread.setPriority(Thread.MIN_PRIORITY);
					return thread;
				}, new ThreadPoolExecutor.DiscardOldestPolicy());
	}

	/** One paper of the feed and why it is there. */
	public record Item(String paperId, String reason) {
	}

	/**
	 * A member's feed for a window.
	 * @param from the first day of the window
	 * @param to the last day of the window
	 * @param coldStart whether the member has given no signal the feed can use yet (nothing saved,
	 * upvoted, submitted, commented on, no author followed)
	 * @param items the papers, best first
	 */
	public record Feed(LocalDate from, LocalDate to, boolean coldStart, List<Item> items) {
	}

	/** The window and length of a feed, from request parameters (each may be absent). */
	public record Window(LocalDate from, LocalDate to, int limit) {
	}

	/**
	 * Reads {@code from}, {@code to} (YYYY-MM-DD) and {@code limit} (1 to {@value #MAX_LIMIT}); by default the
	 * last {@value #DEFAULT_DAYS} days up to today (UTC) and {@value #DEFAULT_LIMIT} papers.
	 * @throws BadRequestException naming what is wrong
	 */
	public Window window(String from, String to, String limit) {
		LocalDate last = (to != null && !to.isBlank()) ? day("to", to) : LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = (from != null && !from.isBlank()) ? day("from", from) : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw new BadRequestException("from (" + first + ") must not be after to (" + last + ").");
		}
		if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
			throw new BadRequestException("The window spans at most " + MAX_DAYS + " days.");
		}
		int count = DEFAULT_LIMIT;
		if (limit != null && !limit.isBlank()) {
			try {
				count = Integer.parseInt(limit.strip());
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + limit + ".");
			}
			if (count < 1 || count > MAX_LIMIT) {
				throw new BadRequestException("limit must be from 1 to " + MAX_LIMIT + ", not " + count + ".");
			}
		}
		return new Window(first, last, count);
	}

	private static LocalDate day(String name, String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new BadRequestException(name + " must be a day as YYYY-MM-DD, not " + text + ".");
		}
	}

	/**
	 * The most recent day with papers, when the window begins after it: a window with nothing listed or
	 * published yet, such as the default window of a site whose archive ends months before today. The page
	 * offers that day rather than an unexplained empty page.
	 */
	Optional<LocalDate> latestDayBefore(Window window) {
		return this.catalog.latestDay().filter((day) -> day.isBefore(window.from()));
	}

	/** The window of {@value #DEFAULT_DAYS} days that ends on {@code last}. */
	static Window endingOn(LocalDate last) {
		return new Window(last.minusDays(DEFAULT_DAYS - 1), last, DEFAULT_LIMIT);
	}

	/** The member's feed for this window. */
	public Feed feed(long memberId, Window window) {
		MemberSignals given = this.signals.of(memberId);
		Map<String, Positive> positives = positives(given);
		Set<String> hidden = notInterested(given);
		boolean coldStart = positives.isEmpty() && given.followedAuthors().isEmpty();

		List<String> inWindow = this.catalog.paperIdsInWindow(window.from(), window.to(), CANDIDATES)
			.stream()
			.filter((id) -> !hidden.contains(id) && !positives.containsKey(id))
			.toList();
		Map<String, String> followed = this.catalog.papersByAuthorKeys(inWindow, given.followedAuthors());

		Map<String, float[]> vectors = vectorsOf(new LinkedHashSet<>(inWindow));

		List<Item> items = new ArrayList<>();
		for (String id : inWindow) {
			String author = followed.get(id);
			if (author != null) {
				items.add(new Item(id, "By " + author + ", whom you follow"));
			}
		}
		if (items.size() >= window.limit()) {
			return new Feed(window.from(), window.to(), coldStart, List.copyOf(items.subList(0, window.limit())));
		}
		List<String> picked = this.signals.categories(memberId);
		if (positives.isEmpty() && !picked.isEmpty()) {
			return pickedFeed(window, coldStart, items, inWindow, followed.keySet(), picked);
		}

		List<String> rest = inWindow.stream().filter((id) -> !followed.containsKey(id)).toList();
		TrainedModels.Trained trained = trained(memberId, positives, hidden);
		InterestModel model = trained.model();
		Map<String, Paper> papers = this.catalog.findPapers(rest);
		List<Candidate> candidates = new ArrayList<>();
		List<String> unread = new ArrayList<>();
		for (String id : rest) {
			float[] vector = vectors.get(id);
			Paper paper = papers.get(id);
			if (vector != null || (paper != null && model.readsWords())) {
				candidates.add(new Candidate(id, vector, text(paper)));
			}
			else {
				unread.add(id);
			}
		}
		int room = window.limit() - items.size();
		List<Recommendation> ranked = favourPicked(
				model.rank(candidates, room + (picked.isEmpty() ? 0 : PICKED_LIFT)), picked, room);
		for (Recommendation recommendation : ranked) {
			items.add(new Item(recommendation.id(), reason(recommendation, positives, trained.examples())));
		}
		for (String id : unread) {
			if (items.size() >= window.limit()) {
				break;
			}
			items.add(new Item(id, NOT_YET_READ));
		}
		return new Feed(window.from(), window.to(), coldStart, List.copyOf(items));
	}

	/**
	 * The cold start by categories: after the papers of followed authors, the window's papers in the
	 * categories the member picked, most upvoted first, then the window's other papers, most recent first.
	 */
	private Feed pickedFeed(Window window, boolean coldStart, List<Item> items, List<String> inWindow,
			Set<String> followed, List<String> picked) {
		List<String> rest = inWindow.stream().filter((id) -> !followed.contains(id)).toList();
		Map<String, String> inPicked = this.catalog.papersInCategories(rest, picked);
		inPicked.forEach((id, category) -> items.add(new Item(id, pickedReason(category))));
		rest.stream().filter((id) -> !inPicked.containsKey(id)).forEach((id) -> items.add(new Item(id, RECENT)));
		return new Feed(window.from(), window.to(), coldStart,
				List.copyOf(items.subList(0, Math.min(items.size(), window.limit()))));
	}

	static String pickedReason(String category) {
		return "In " + category + ", which you picked";
	}

	/**
	 * Once the member has given signals, the categories they picked still count, mildly: a ranked
	 * paper in one of them moves up {@value #PICKED_LIFT} places (the model ranked that many more than
	 * wanted, so such a paper may come in from just below the cut). The model's reason stays.
	 */
	private List<Recommendation> favourPicked(List<Recommendation> ranked, List<String> picked, int limit) {
		if (picked.isEmpty() || ranked.isEmpty()) {
			return (ranked.size() > limit) ? ranked.subList(0, limit) : ranked;
		}
		Set<String> inPicked = this.catalog
			.papersInCategories(ranked.stream().map(Recommendation::id).toList(), picked)
			.keySet();
		List<Integer> places = new ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			places.add(i);
		}
		places.sort(java.util.Comparator
			.comparingInt((Integer i) -> i - (inPicked.contains(ranked.get(i).id()) ? PICKED_LIFT : 0))
			.thenComparingInt((i) -> i));
		return places.stream().limit(limit).map(ranked::get).toList();
	}

	/**
	 * Papers another feature picked for a member (a digest's papers, kept by the subscriber's topics), in
	 * the member's order: papers by authors they follow first ("By Y, whom you follow"), then the papers
	 * the model ranks, best first, each with its reason ("Because you saved “X”"), then the papers the
	 * model has no view of (not embedded yet, or already one of the member's own signals) in the order
	 * given, without a reason. Papers the member is not interested in are left out. One model is trained
	 * for the whole list, so a caller ranks each member's papers in one call.
	 * @param memberId whose order
	 * @param paperIds the papers, in the caller's own order
	 */
	public Ranking rank(long memberId, List<String> paperIds) {
		MemberSignals given = this.signals.of(memberId);
		Map<String, Positive> positives = positives(given);
		Set<String> hidden = notInterested(given);
		boolean coldStart = positives.isEmpty() && given.followedAuthors().isEmpty();
		List<String> shown = paperIds.stream().distinct().filter((id) -> !hidden.contains(id)).toList();
		Map<String, String> followed = given.followedAuthors().isEmpty() ? Map.of()
				: this.catalog.papersByAuthorKeys(shown, given.followedAuthors());

		List<Item> items = new ArrayList<>();
		for (String id : shown) {
			String author = followed.get(id);
			if (author != null) {
				items.add(new Item(id, "By " + author + ", whom you follow"));
			}
		}
		Set<String> placed = new HashSet<>(followed.keySet());
		if (!positives.isEmpty()) {
			// a paper the member gave a signal on would be explained by itself
			List<String> open = shown.stream().filter((id) -> !placed.contains(id) && !positives.containsKey(id)).toList();
			Map<String, float[]> vectors = vectorsOf(new LinkedHashSet<>(open));
			TrainedModels.Trained trained = trained(memberId, positives, hidden);
			InterestModel model = trained.model();
			Map<String, Paper> papers = model.readsWords() ? this.catalog.findPapers(open) : Map.of();
			List<Candidate> candidates = new ArrayList<>();
			for (String id : open) {
				float[] vector = vectors.get(id);
				Paper paper = papers.get(id);
				if (vector != null || paper != null) {
					candidates.add(new Candidate(id, vector, text(paper)));
				}
			}
			if (!candidates.isEmpty() && model.kind() != InterestModel.Kind.EMPTY) {
				for (Recommendation recommendation : model.rank(candidates, candidates.size())) {
					items.add(new Item(recommendation.id(), reason(recommendation, positives, trained.examples())));
					placed.add(recommendation.id());
				}
			}
		}
		for (String id : shown) {
			if (!placed.contains(id)) {
				items.add(new Item(id, null));
			}
		}
		return new Ranking(coldStart, List.copyOf(items));
	}

	/**
	 * Papers in a member's order ({@link #rank}).
	 * @param coldStart whether the member has given no signal the model can use yet (nothing saved,
	 * upvoted, submitted, commented on, no author followed): the papers are in the order given
	 * @param items every paper given but those the member is not interested in; the reason is {@code null}
	 * for a paper the model did not place
	 */
	public record Ranking(boolean coldStart, List<Item> items) {
	}

	private Map<String, float[]> vectorsOf(Set<String> ids) {
		try {
			return this.vectors.vectorsOf(ids);
		}
		catch (RuntimeException ex) {
			// the feed still lists the window, unranked, when the index cannot answer
			logger.warn("No paper vectors for the For you feed", ex);
			return Map.of();
		}
	}

	/**
	 * The member's model for these signals: the one trained for the same signals a moment ago
	 * ({@link TrainedModels}), or a new one.
	 */
	private TrainedModels.Trained trained(long memberId, Map<String, Positive> positives, Set<String> hidden) {
		return this.models.get(memberId, new TrainedModels.Signals(positives, hidden), () -> {
			Map<String, float[]> background = positives.isEmpty() ? Map.of() : background(memberId);
			Set<String> given = new LinkedHashSet<>(positives.keySet());
			given.addAll(hidden);
			Map<String, float[]> vectors = vectorsOf(given);
			boolean complete = positives.isEmpty() || !(background.isEmpty() || vectors.isEmpty());
			Set<String> described = new LinkedHashSet<>(given);
			described.addAll(background.keySet());
			Map<String, Paper> papers = this.catalog.findPapers(described);
			Map<String, Paper> examples = new LinkedHashMap<>();
			positives.keySet().forEach((id) -> {
				Paper paper = papers.get(id);
				if (paper != null) {
					examples.put(id, paper);
				}
			});
			return new TrainedModels.Trained(model(positives, hidden, vectors, background, papers), examples, complete);
		});
	}

	/**
	 * A member who read their feed lately saved, unsaved, dismissed or voted on a paper: their model is
	 * trained again in the background now, so that their next view of the feed finds it ready rather
	 * than training it (docs/for-you.md, "A member's model is kept for a while"). One training at a time,
	 * on one thread; when many wait, the oldest are dropped (the next view trains).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void signalsChanged(SignalsChangedEvent changed) {
		retrainSoon(changed.memberId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void voteChanged(VoteChangedEvent changed) {
		retrainSoon(changed.userId());
	}

	private void retrainSoon(long memberId) {
		if (this.models.keeps(memberId)) {
			this.trainer.execute(() -> {
				try {
					current(memberId);
				}
				catch (RuntimeException ex) {
					logger.warn("The For you model of member {} could not be trained in the background", memberId, ex);
				}
			});
		}
	}

	/** The member's model for their signals as they are now, trained if it is not kept. */
	TrainedModels.Trained current(long memberId) {
		MemberSignals given = this.signals.of(memberId);
		Map<String, Positive> positives = positives(given);
		Set<String> hidden = notInterested(given);
		return trained(memberId, positives, hidden);
	}

	/** Whether the member's kept model learned from their signals as they are now. */
	boolean ready(long memberId) {
		MemberSignals given = this.signals.of(memberId);
		Set<String> hidden = notInterested(given);
		return this.models.keeps(memberId, new TrainedModels.Signals(positives(given), hidden));
	}

	@PreDestroy
	void stopTraining() {
		this.trainer.shutdownNow();
	}

	/** A deleted member's model goes with their account. */
	@EventListener
	void memberDeleted(MemberDeletedEvent deleted) {
		this.models.forget(deleted.memberId());
	}

	/**
	 * The member's model: the positive and negative examples with their vectors and texts (a paper not
	 * embedded yet still counts by its words), the background drawn from the whole index.
	 */
	private static InterestModel model(Map<String, Positive> positives, Set<String> hidden, Map<String, float[]> vectors,
			Map<String, float[]> background, Map<String, Paper> papers) {
		List<Example> liked = new ArrayList<>();
		positives.forEach((id, positive) -> {
			float[] vector = vectors.get(id);
			PaperText text = text(papers.get(id));
			if (vector != null || text != null) {
				liked.add(new Example(id, vector, positive.weight(), text));
			}
		});
		List<Example> disliked = new ArrayList<>();
		for (String id : hidden.stream().sorted().toList()) {
			float[] vector = vectors.get(id);
			PaperText text = text(papers.get(id));
			if (vector != null || text != null) {
				disliked.add(new Example(id, vector, 1, text));
			}
		}
		List<Example> seen = new ArrayList<>();
		background.forEach((id, vector) -> seen.add(new Example(id, vector, 1, text(papers.get(id)))));
		return InterestModel.train(new InterestModel.Examples(liked, disliked, seen));
	}

	private static PaperText text(Paper paper) {
		return (paper != null)
				? new PaperText(paper.title(), paper.summary(), paper.authors().stream().map(Author::name).toList())
				: null;
	}

	/** A sample drawn with the member's id as seed: the same member sees the same feed for the same signals. */
	private Map<String, float[]> background(long seed) {
		try {
			return this.vectors.sample(BACKGROUND, seed);
		}
		catch (RuntimeException ex) {
			logger.warn("No background papers for the For you feed", ex);
			return Map.of();
		}
	}

	private static String reason(Recommendation recommendation, Map<String, Positive> positives,
			Map<String, Paper> papers) {
		if (recommendation.because() == null) {
			return RECENT;
		}
		Positive positive = positives.get(recommendation.because());
		Paper paper = papers.get(recommendation.because());
		String title = (paper != null) ? paper.displayTitle() : recommendation.because();
		if (recommendation.author() != null) {
			return "By " + recommendation.author() + ", like “" + title + "” you " + positive.how();
		}
		return "Because you " + positive.how() + " “" + title + "”";
	}

	/** How a member showed interest in a paper, and how much it counts. */
	record Positive(String how, double weight) {
	}

	/** Saves, upvotes, submissions (weight 1) and comments (weight 0.5), by paper, the first way named. */
	static Map<String, Positive> positives(MemberSignals signals) {
		Map<String, Positive> positives = new LinkedHashMap<>();
		for (TimedPaper saved : signals.saved()) {
			positives.putIfAbsent(saved.paperId(), new Positive("saved", 1));
		}
		signals.upvoted().forEach((id) -> positives.putIfAbsent(id, new Positive("upvoted", 1)));
		signals.submitted().forEach((id) -> positives.putIfAbsent(id, new Positive("submitted", 1)));
		signals.commented().forEach((id) -> positives.putIfAbsent(id, new Positive("commented on", COMMENT_WEIGHT)));
		positives.keySet().removeAll(notInterested(signals));
		return positives;
	}

	/** The papers the member said they are not interested in. */
	private static Set<String> notInterested(MemberSignals signals) {
		Set<String> hidden = new HashSet<>();
		signals.notInterested().forEach((paper) -> hidden.add(paper.paperId()));
		return hidden;
	}

}
