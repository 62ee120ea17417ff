package io.paperboy.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index up to date with papers changed by other processes (an import beside the
 * server, another node) or lost in a crash before a commit: papers whose {@code papers.updated_at}
 * is after the high-water mark kept in the commit's user data ({@link #CAUGHT_UP_TO}) are written
 * again, in batches, and the new mark is committed with them.
 */
final class CatchUp {

	// one log category for everything that keeps the index in step with the database
	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	/** Commit user data: the last {@code papers.updated_at} the index has caught up to. */
	static final String CAUGHT_UP_TO = "paperboy.caught-up-to";

	private final OpenedIndex index;

	private final SearchRepository repository;

	private final ChangeBatches batches;

	private final IndexRebuild rebuild;

	CatchUp(OpenedIndex index, SearchRepository repository, ChangeBatches batches, IndexRebuild rebuild) {
		this.index = index;
		this.repository = repository;
		this.batches = batches;
		this.rebuild = rebuild;
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
			String mark = this.index.get().committedData().get(CAUGHT_UP_TO);
			Instant since = (mark != null) ? Instant.parse(mark) : Instant.EPOCH;
			boolean changed = false;
			while (true) {
				List<SearchRepository.Change> changes = this.repository.changedAfter(since, ChangeBatches.BATCH);
				if (changes.isEmpty()) {
					break;
				}
				this.batches.write(changes.stream().map(SearchRepository.Change::paperId).toList());
				since = changes.get(changes.size() - 1).updatedAt();
				changed = true;
				if (changes.size() < ChangeBatches.BATCH) {
					break;
				}
			}
			if (changed) {
				this.index.get().refresh();
				this.index.get().commit(Map.of(CAUGHT_UP_TO, since.toString()));
				this.batches.committed();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not catch the search index up with the database", ex);
		}
	}

}
