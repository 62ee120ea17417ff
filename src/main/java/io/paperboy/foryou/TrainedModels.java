package io.paperboy.foryou;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The members' models trained most recently, so that a member who opens the feed again, pages through
 * it or reads it through the API is not trained for again (training is most of a request's time,
 * docs/for-you.md "Speed of the page"). A model is kept under the exact signals it learned from: a new
 * save, upvote, submission, comment or "not interested" changes them, so the next request trains
 * afresh. A kept model is also dropped after {@link #MAX_AGE}, since its background sample and the
 * vectors of its examples change as the index grows and embeds, and the least recently used goes when
 * more than {@link #MAX_MODELS} members are kept. A model trained while the index could not answer is
 * not kept at all. While a member's model is being trained, a request for the same signals waits for
 * it rather than training a second one.
 */
final class TrainedModels {

	/** The most members whose model is kept; a model of 500 signals holds about 1 MB. */
	static final int MAX_MODELS = 200;

	/** How long a model is kept at most. */
	static final Duration MAX_AGE = Duration.ofMinutes(10);

	private final Clock clock;

	/** The trainings under way, by member: a request for the same signals waits for one rather than training too. */
	private final Map<Long, Training> training = new HashMap<>();

	private final Map<Long, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
			return size() > MAX_MODELS;
		}
	};

	TrainedModels(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A model and what it learned from, to name in reasons.
	 * @param complete whether it learned from everything it should: a model trained while the index
	 * could not answer (no vectors, no background) serves its request but is not kept
	 */
	record Trained(InterestModel model, Map<String, io.paperboy.catalog.Paper> examples, boolean complete) {
	}

	/** The signals a model learned from: equal signals, equal model. */
	record Signals(Map<String, ForYou.Positive> positives, Set<String> hidden) {

		Signals {
			positives = Map.copyOf(positives);
			hidden = Set.copyOf(hidden);
		}

	}

	private record Kept(Signals signals, Trained trained, Instant at) {
	}

	private record Training(Signals signals, CompletableFuture<Trained> result) {
	}

	/**
	 * The member's model for these signals: the one kept if it learned from the same signals less than
	 * {@link #MAX_AGE} ago, the one being trained for the same signals (by a background training or
	 * another request) once it is done, else a new one from {@code training}, then kept.
	 */
	Trained get(long memberId, Signals signals, Supplier<Trained> training) {
		Instant now = this.clock.instant();
		CompletableFuture<Trained> running;
		CompletableFuture<Trained> mine = null;
		synchronized (this.kept) {
			Kept found = this.kept.get(memberId);
			if (found != null && found.signals().equals(signals) && now.isBefore(found.at().plus(MAX_AGE))) {
				return found.trained();
			}
			Training underWay = this.training.get(memberId);
			if (underWay != null && underWay.signals().equals(signals)) {
				running = underWay.result();
			}
			else {
				mine = new CompletableFuture<>();
				running = mine;
				this.training.put(memberId, new Training(signals, mine));
			}
		}
		if (mine == null) {
			return await(running);
		}
		try {
			Trained trained = training.get();
			synchronized (this.kept) {
				if (trained.complete()) {
					this.kept.put(memberId, new Kept(signals, trained, now));
				}
				else {
					this.kept.remove(memberId);
				}
				this.training.remove(memberId, new Training(signals, mine));
			}
			mine.complete(trained);
			return trained;
		}
		catch (RuntimeException | Error ex) {
			synchronized (this.kept) {
				this.training.remove(memberId, new Training(signals, mine));
			}
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	/** Whether a model of this member is kept (they read their feed lately), whatever its signals. */
	boolean keeps(long memberId) {
		synchronized (this.kept) {
			return this.kept.containsKey(memberId);
		}
	}

	/** Whether the kept model of this member learned from exactly these signals. */
	boolean keeps(long memberId, Signals signals) {
		synchronized (this.kept) {
			Kept found = this.kept.get(memberId);
			return found != null && found.signals().equals(signals);
		}
	}

	private static Trained await(CompletableFuture<Trained> running) {
		try {
			return running.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Forgets a member's model (their account is gone). */
	void forget(long memberId) {
		synchronized (this.kept) {
			this.kept.remove(memberId);
			this.training.remove(memberId);
		}
	}

	/** How many members' models are kept. */
	int size() {
		synchronized (this.kept) {
			return this.kept.size();
		}
	}

}
