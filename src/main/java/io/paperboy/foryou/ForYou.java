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
import java.util.Set;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.library.MemberSignals;
import io.paperboy.library.Signals;
import io.paperboy.library.TimedPaper;
import io.paperboy.search.PaperVectors;
import io.paperboy.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	static final String NOT_YET_READ = "New, not yet read by the model";

	static final String RECENT = "Recent in this window";

	private final Signals signals;

	private final Catalog catalog;

	private final PaperVectors vectors;

	private final Clock clock;

	ForYou(Signals signals, Catalog catalog, PaperVectors vectors, Clock clock) {
		this.signals = signals;
		this.catalog = catalog;
		this.vectors = vectors;
		this.clock = clock;
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

	/** The member's feed for this window. */
	public Feed feed(long memberId, Window window) {
		MemberSignals given = this.signals.of(memberId);
		Map<String, Positive> positives = positives(given);
		Set<String> hidden = new HashSet<>();
		given.notInterested().forEach((paper) -> hidden.add(paper.paperId()));
		boolean coldStart = positives.isEmpty() && given.followedAuthors().isEmpty();

		List<String> inWindow = this.catalog.paperIdsInWindow(window.from(), window.to(), CANDIDATES)
			.stream()
			.filter((id) -> !hidden.contains(id) && !positives.containsKey(id))
			.toList();
		Map<String, String> followed = this.catalog.papersByAuthorKeys(inWindow, given.followedAuthors());

		Set<String> wanted = new LinkedHashSet<>(inWindow);
		wanted.addAll(positives.keySet());
		wanted.addAll(hidden);
		Map<String, float[]> vectors = vectorsOf(wanted);

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

		List<String> rest = inWindow.stream().filter((id) -> !followed.containsKey(id)).toList();
		Map<String, float[]> background = positives.isEmpty() ? Map.of() : background(memberId);
		Set<String> described = new LinkedHashSet<>(positives.keySet());
		described.addAll(hidden);
		described.addAll(background.keySet());
		described.addAll(rest);
		Map<String, Paper> papers = this.catalog.findPapers(described);
		InterestModel model = model(positives, hidden, vectors, background, papers);
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
		List<Recommendation> ranked = model.rank(candidates, window.limit() - items.size());
		for (Recommendation recommendation : ranked) {
			items.add(new Item(recommendation.id(), reason(recommendation, positives, papers)));
		}
		for (String id : unread) {
			if (items.size() >= window.limit()) {
				break;
			}
			items.add(new Item(id, NOT_YET_READ));
		}
		return new Feed(window.from(), window.to(), coldStart, List.copyOf(items));
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
		Set<String> hidden = new HashSet<>();
		signals.notInterested().forEach((paper) -> hidden.add(paper.paperId()));
		positives.keySet().removeAll(hidden);
		return positives;
	}

}
