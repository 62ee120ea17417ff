package io.paperboy.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search index.
 *
 * @param indexDir where the index lives. Default {@code <paperboy.data-dir>/index}. The index is
 * derived from the database and rebuilt when missing, so it may live on fast, disposable storage.
 * @param refreshInterval how often changes are written to the index and made visible to searches.
 * Default 250 ms.
 * @param commitInterval how often the index is made durable on disk; after a crash the next start
 * catches up from the database. Default 5 seconds.
 * @param catchUpInterval how often the index looks in the database for papers changed by another
 * process (an import run beside the server). Default 10 seconds.
 * @param embeddings whether papers are embedded for semantic search and similar papers. Default true.
 * @param embeddingBatchSize papers embedded per batch by the background queue. Default 32.
 * @param embeddingThreads threads that embed whenever papers wait, whatever else the server does;
 * each keeps a processor core busy. Default 1.
 * @param embeddingIdleThreads more threads that embed only while the server is quiet: no request
 * answered now nor in the last 200 ms, and a core free of other work on the machine (a PostgreSQL
 * beside it counts). A thread asks before each paper, so a visitor gets its core back within about
 * 30 ms. Default: the cores left over by {@code embedding-threads} (1 on a 2-core machine); 0 turns
 * them off.
 */
@ConfigurationProperties("paperboy.search")
record SearchProperties(Path indexDir, @DefaultValue("250ms") Duration refreshInterval,
		@DefaultValue("5s") Duration commitInterval, @DefaultValue("10s") Duration catchUpInterval,
		@DefaultValue("true") boolean embeddings, @DefaultValue("32") int embeddingBatchSize,
		@DefaultValue("1") int embeddingThreads, Integer embeddingIdleThreads) {

	/** The extra threads for a machine of this many cores: the setting, or the cores left over. */
	int idleThreads(int cores) {
		return Math.max(0, (this.embeddingIdleThreads != null) ? this.embeddingIdleThreads
				: cores - Math.max(1, this.embeddingThreads));
	}

}
