package io.paperboy.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes committed by this process, written to the index in batches: the ids of changed papers
 * gather between two runs of {@link #writePending()} (every
 * {@link SearchProperties#refreshInterval()} on the {@link WriterThread}), which reads them from the
 * database, writes them and refreshes the near-real-time reader. Commits to disk are rarer
 * ({@link SearchProperties#commitInterval()}): after a crash, catch-up writes what was not committed.
 */
final class ChangeBatches {

	// one log category for everything that keeps the index in step with the database
	private static final Logger logger = LoggerFactory.getLogger(IndexSync.class);

	/** Papers read from the database and written at once. */
	static final int BATCH = 500;

	private final OpenedIndex index;

	private final Catalog catalog;

	private final SearchProperties properties;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	/** Tells whoever embeds that papers were written. */
	private final Runnable written;

	private volatile long lastCommit = System.nanoTime();

	ChangeBatches(OpenedIndex index, Catalog catalog, SearchProperties properties, Runnable written) {
		this.index = index;
		this.catalog = catalog;
		this.properties = properties;
		this.written = written;
	}

	/** Remembers that this paper changed, to be written with the next batch. */
	void changed(String paperId) {
		this.pending.add(paperId);
	}

	/**
	 * Writes the papers changed since the last run and makes them visible, as it does merged segments;
	 * commits when the commit interval has passed. A failure is logged: the papers are in the database,
	 * and the next catch-up writes them.
	 */
	void writePending() {
		try {
			if (!this.pending.isEmpty()) {
				List<String> ids = new ArrayList<>(this.pending);
				this.pending.removeAll(ids);
				for (int from = 0; from < ids.size(); from += BATCH) {
					write(ids.subList(from, Math.min(ids.size(), from + BATCH)));
				}
				this.index.get().refresh();
				this.written.run();
			}
			else if (!this.index.get().isCurrent()) {
				// a merge finished: searches move to the merged segment
				this.index.get().refresh();
			}
			if (this.index.get().hasUncommittedChanges()
					&& System.nanoTime() - this.lastCommit >= this.properties.commitInterval().toNanos()) {
				this.index.get().commit(Map.of());
				committed();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not update the search index; the next catch-up retries", ex);
		}
	}

	/** Reads these papers from the database and writes them to the index; papers gone are removed. */
	void write(Collection<String> ids) {
		Map<String, Paper> papers = this.catalog.findPapers(ids);
		this.index.get().upsert(papers.values().stream().map(IndexedPaper::of).toList());
		Set<String> gone = new HashSet<>(ids);
		gone.removeAll(papers.keySet());
		this.index.get().delete(gone);
	}

	/** Notes that the index was just committed, by whichever task, so the commit interval starts again. */
	void committed() {
		this.lastCommit = System.nanoTime();
	}

}
