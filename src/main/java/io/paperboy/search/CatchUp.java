package io.paperboy.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to date with papers changed by other processes (an import beside the
 * server, another node) or lost in a crash before a commit: papers whose {@code papers.updated_at}
 * is after the high-water mark kept in the commit's user data ({@link #CAUGHT_UP_TO}) are written
 * again, in pages ordered by (time written, id), and the new mark is committed with them.
 * <p>
 * A writer takes its time before it commits, so a paper can become visible with a time older than
 * papers that others committed sooner. Catch-up therefore looks again at the last {@link #SETTLING}
 * of wall time, whatever its mark says; a paper it has already written with the same time is not
 * written again.
 */
final class CatchUp {

	// one log category for everything that keeps the index in step with the database
	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	/** Commit user data: the last {@code papers.updated_at} the index has caught up to. */
	static final String CAUGHT_UP_TO = "paperboy.caught-up-to";

	/**
	 * How long a write may take between taking its time and committing, clocks of other nodes
	 * included: papers written longer ago than this are taken as all visible.
	 */
	static final Duration SETTLING = Duration.ofSeconds(30);

	/** At most this many recently written papers are remembered; beyond, a paper may be written twice. */
	static final int REMEMBERED = 100_000;

	private final OpenedIndex index;

	private final SearchRepository repository;

	private final ChangeBatches batches;

	private final IndexRebuild rebuild;

	private final Clock clock;

	/** Papers this catch-up wrote within the settling time, with the time they were written at. */
	private final Map<String, Instant> recent = new HashMap<>();

	CatchUp(OpenedIndex index, SearchRepository repository, ChangeBatches batches, IndexRebuild rebuild, Clock clock) {
		this.index = index;
		this.repository = repository;
		this.batches = batches;
		this.rebuild = rebuild;
		this.clock = clock;
	}

	/**
	 * Indexes papers changed since the last catch-up. Does nothing during a rebuild, which reads every
	 * paper anyway; a failure is logged and the next run tries again from the same mark.
	 */
	void run() {
		if (this.rebuild.isRebuilding()) {
			return;
		}
		try {
			String committed = this.index.get().committedData().get(CAUGHT_UP_TO);
			Instant mark = (committed != null) ? Instant.parse(committed) : Instant.EPOCH;
			Instant settled = this.clock.instant().minus(SETTLING);
			this.recent.values().removeIf((writtenAt) -> writtenAt.isBefore(settled));
			List<SearchRepository.Change> changes = this.repository
				.changedAfter(mark.isBefore(settled) ? mark : settled, ChangeBatches.BATCH);
			boolean changed = false;
			while (!changes.isEmpty()) {
				List<String> unwritten = new ArrayList<>(changes.size());
				for (SearchRepository.Change change : changes) {
					if (!change.updatedAt().equals(this.recent.get(change.paperId()))) {
						unwritten.add(change.paperId());
					}
				}
				if (!unwritten.isEmpty()) {
					this.batches.write(unwritten);
					changed = true;
				}
				for (SearchRepository.Change change : changes) {
					if (!change.updatedAt().isBefore(settled)
							&& (this.recent.size() < REMEMBERED || this.recent.containsKey(change.paperId()))) {
						this.recent.put(change.paperId(), change.updatedAt());
					}
				}
				SearchRepository.Change last = changes.get(changes.size() - 1);
				if (last.updatedAt().isAfter(mark)) {
					mark = last.updatedAt();
				}
				changes = (changes.size() < ChangeBatches.BATCH) ? List.of()
						: this.repository.changedAfter(last, ChangeBatches.BATCH);
			}
			if (changed) {
				this.index.get().refresh();
				this.index.get().commit(Map.of(CAUGHT_UP_TO, mark.toString()));
				this.batches.committed();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not catch the search index up with the database", ex);
		}
	}

}
