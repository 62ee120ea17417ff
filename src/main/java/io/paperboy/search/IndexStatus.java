package io.paperboy.search;

import java.util.function.Supplier;

/**
 * What the admin page shows of the index: where it is, how much of the catalog it holds and how far
 * a rebuild and the embedding queue have come.
 */
final class IndexStatus {

	private final OpenedIndex index;

	private final SearchRepository repository;

	private final SearchProperties properties;

	private final IndexRebuild rebuild;

	/** The embedding queue when it runs, else null. */
	private final Supplier<EmbeddingQueue> queue;

	IndexStatus(OpenedIndex index, SearchRepository repository, SearchProperties properties, IndexRebuild rebuild,
			Supplier<EmbeddingQueue> queue) {
		this.index = index;
		this.repository = repository;
		this.properties = properties;
		this.rebuild = rebuild;
		this.queue = queue;
	}

	SearchStatus read() {
		SearchIndex opened = this.index.get();
		EmbeddingQueue running = this.queue.get();
		return new SearchStatus(this.index.location().folder().toString(), this.repository.countPapers(),
				opened.count(), opened.countEmbedded(), this.rebuild.isRebuilding(), this.properties.embeddings(),
				(running != null) ? running.embeddedSinceStart() : 0, (running != null) ? running.papersPerSecond() : 0,
				(running != null) ? running.threadsEmbedding() : 0, (running != null) ? running.alwaysThreads() : 0,
				(running != null) ? running.idleThreads() : 0, (running != null) ? running.otherCores() : 0,
				opened.sizeInBytes(), this.rebuild.progress());
	}

}
