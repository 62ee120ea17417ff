package io.paperboy.foryou;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The members' models trained most recently, so that a member who opens the feed again, pages through
 * it or reads it through the API is not trained for again (training is most of a request's time,
 * docs/for-you.md "Speed of the page"). A model is kept under the exact signals it learned from: a new
 * save, upvote, submission, comment or "not interested" changes them, so the next request trains
 * afresh. A kept model is also dropped after {@link #MAX_AGE}, since its background sample and the
 * vectors of its examples change as the index grows and embeds, and the least recently used goes when
 * more than {@link #MAX_MODELS} members are kept. A model trained while the index could not answer is
 * not kept at all.
 */
final class TrainedModels {

	/** The most members whose model is kept; a model of 500 signals holds about 1 MB. */
	static final int MAX_MODELS = 200;

	/** How long a model is kept at most. */
	static final Duration MAX_AGE = Duration.ofMinutes(10);

	private final Clock clock;

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

	/**
	 * The member's model for these signals: the one kept if it learned from the same signals less than
	 * {@link #MAX_AGE} ago, else a new one from {@code training}, then kept. Two requests of one member
	 * at once may both train; the later one is kept.
	 */
	Trained get(long memberId, Signals signals, Supplier<Trained> training) {
		Instant now = this.clock.instant();
		synchronized (this.kept) {
			Kept found = this.kept.get(memberId);
			if (found != null && found.signals().equals(signals) && now.isBefore(found.at().plus(MAX_AGE))) {
				return found.trained();
			}
		}
		Trained trained = training.get();
		synchronized (this.kept) {
			if (trained.complete()) {
				this.kept.put(memberId, new Kept(signals, trained, now));
			}
			else {
				this.kept.remove(memberId);
			}
		}
		return trained;
	}

	/** Forgets a member's model (their account is gone). */
	void forget(long memberId) {
		synchronized (this.kept) {
			this.kept.remove(memberId);
		}
	}

	/** How many members' models are kept. */
	int size() {
		synchronized (this.kept) {
			return this.kept.size();
		}
	}

}
