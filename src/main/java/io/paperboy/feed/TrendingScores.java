package io.paperboy.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.catalog.PaperCounters;
import io.paperboy.community.VoteChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every paper's stored trending score equal to what {@link TrendingFormula} gives for its
 * history:
 * <ul>
 * <li>a vote cast or withdrawn adds or subtracts its one term, in the vote's transaction (one
 * UPDATE);</li>
 * <li>a paper whose imported count or daily entry changed is recomputed from its history, once per
 * transaction, just before the import's transaction commits;</li>
 * <li>the maintenance job moves the epoch forward before scores grow too large ({@link #rebaseIfDue()});</li>
 * <li>{@link #rebuild()} recomputes every score; it runs at start when the scores are missing or
 * were computed with other parameters, and on demand ({@code trending rebuild}).</li>
 * </ul>
 * Writers of a paper's score take locks in one order: the state row (rebase, rebuild, recompute),
 * then the paper's row (votes, recompute), then its score row. A vote does not take the state row:
 * it adds its term only to a score still stored against the epoch it computed the term for, and
 * otherwise reads the new epoch and computes the term again.
 */
@Service
class TrendingScores implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(TrendingScores.class);

	private final TrendingRepository repository;

	private final PaperCounters papers;

	private final TrendingProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** The state as this process last read or wrote it; a vote that finds it outdated reads it again. */
	private volatile TrendingState state;

	TrendingScores(TrendingRepository repository, PaperCounters papers, TrendingProperties properties,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.papers = papers;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Makes sure the scores exist and follow the configured formula before anything reads them. */
	@Override
	public void afterSingletonsInstantiated() {
		ensureCurrent();
	}

	/**
	 * Rebuilds the scores when they are missing or were computed with other parameters.
	 * @return the rebuild's report, or empty when the scores were current
	 */
	Optional<RebuildReport> ensureCurrent() {
		Optional<RebuildReport> report = this.transactions.execute((status) -> {
			Optional<TrendingState> stored = this.repository.state(true);
			if (stored.isPresent() && stored.get().follows(this.properties)) {
				this.state = stored.get();
				return Optional.empty();
			}
			logger.info(stored.isEmpty() ? "No trending scores yet: computing them"
					: "Trending scores were computed with another half-life or new-account age: recomputing them");
			return Optional.of(rebuildLocked(stored));
		});
		report.ifPresent((done) -> this.events.publishEvent(new TrendingScoresChangedEvent()));
		return report;
	}

	/** Recomputes every score from the whole history, against a new epoch: now. */
	RebuildReport rebuild() {
		RebuildReport report = this.transactions.execute((status) -> rebuildLocked(this.repository.state(true)));
		this.events.publishEvent(new TrendingScoresChangedEvent());
		return report;
	}

	private RebuildReport rebuildLocked(Optional<TrendingState> previous) {
		long started = System.nanoTime();
		Instant epoch = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		TrendingState rebuilt = TrendingState.of(this.properties, epoch);
		int papers = this.repository.rebuild(rebuilt);
		this.repository.saveState(rebuilt, this.clock.instant());
		this.state = rebuilt;
		return new RebuildReport(papers, this.repository.countVotes(), Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Moves the epoch to the present when it has fallen {@link TrendingProperties#rebaseAfterHalfLives()}
	 * behind it.
	 * @return whether it moved
	 */
	boolean rebaseIfDue() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Boolean moved = this.transactions.execute((status) -> {
			TrendingState stored = this.repository.state(true).orElse(null);
			if (stored == null
					|| stored.formula().halfLives(stored.epoch(), now) < this.properties.rebaseAfterHalfLives()) {
				return false;
			}
			rebaseLocked(stored, now);
			return true;
		});
		if (Boolean.TRUE.equals(moved)) {
			this.events.publishEvent(new TrendingScoresChangedEvent());
		}
		return Boolean.TRUE.equals(moved);
	}

	/** Moves the epoch to {@code to}: divides every score by the decay between the two epochs. */
	void rebase(Instant to) {
		this.transactions.executeWithoutResult((status) -> this.repository.state(true)
			.ifPresent((stored) -> rebaseLocked(stored, to.truncatedTo(ChronoUnit.SECONDS))));
		this.events.publishEvent(new TrendingScoresChangedEvent());
	}

	private void rebaseLocked(TrendingState stored, Instant to) {
		if (to.equals(stored.epoch())) {
			return;
		}
		int moved = this.repository.rebase(stored.epoch(), to, stored.formula().rebaseFactor(stored.epoch(), to));
		this.repository.moveEpoch(to);
		this.state = new TrendingState(to, stored.halfLife(), stored.newAccountAge());
		logger.info("Moved the trending epoch from {} to {} ({} scores)", stored.epoch(), to, moved);
	}

	/** The state the stored scores follow, as this process knows it. */
	TrendingState current() {
		TrendingState known = this.state;
		return (known != null) ? known : reload();
	}

	private TrendingState reload() {
		TrendingState stored = this.repository.state(false)
			.orElseThrow(() -> new IllegalStateException("The trending scores have not been computed"));
		this.state = stored;
		return stored;
	}

	/** Adds a vote's term to its paper's score, or removes it, in the vote's transaction. */
	@EventListener
	void voteChanged(VoteChangedEvent vote) {
		TrendingState known = current();
		// a rebase or rebuild can commit between reading the epoch and updating the row: try again with
		// the new epoch (twice in a row would take two rebases within one vote)
		for (int attempt = 0; attempt < 3; attempt++) {
			double term = vote.change() * known.formula().vote(vote.votedAt(), vote.memberSince(), known.epoch());
			if (this.repository.add(vote.paperId(), term, known.epoch()) == 1) {
				return;
			}
			TrendingState stored = reload();
			if (stored.equals(known)) {
				return; // the paper is on no daily list, so it has no score yet
			}
			known = stored;
		}
		throw new IllegalStateException("The trending epoch kept moving while recording a vote on " + vote.paperId());
	}

	/**
	 * Recomputes a paper whose imported count or place on a daily list changed. Inside a
	 * transaction, every paper it changed is recomputed once, just before it commits.
	 */
	@EventListener
	void catalogChanged(CatalogChangedEvent event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			this.transactions.executeWithoutResult((status) -> recomputeLocked(Set.of(event.paperId())));
			return;
		}
		PendingRecomputation pending = (PendingRecomputation) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new PendingRecomputation();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.paperIds.add(event.paperId());
	}

	/** Recomputes these papers' scores from their whole history, in a transaction of their own. */
	void recompute(Collection<String> paperIds) {
		this.transactions.executeWithoutResult((status) -> recomputeLocked(paperIds));
	}

	private void recomputeLocked(Collection<String> paperIds) {
		if (paperIds.isEmpty()) {
			return;
		}
		TrendingState stored = this.repository.state(true).orElse(null);
		if (stored == null) {
			return; // nothing computed yet: the first rebuild will include these papers
		}
		this.state = stored;
		// the same lock as votes take, so a vote and a recomputation of its paper take turns
		this.papers.lock(paperIds);
		this.repository.recompute(paperIds, stored);
	}

	/** The papers a transaction changed, recomputed just before it commits. */
	private final class PendingRecomputation implements TransactionSynchronization {

		private final Set<String> paperIds = new LinkedHashSet<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			recomputeLocked(this.paperIds);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(TrendingScores.this);
		}

	}

	/**
	 * What a rebuild did.
	 *
	 * @param papers papers that have a score (those on a daily list)
	 * @param votes members' votes in the history
	 * @param took how long it took
	 */
	record RebuildReport(int papers, long votes, Duration took) {
	}

}
