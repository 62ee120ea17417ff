package io.paperboy.search;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The embeddings of recent queries, so that a query asked again (the next page, another sort, a
 * popular topic) does not run the model again: embedding a query costs more processor time than the
 * rest of a search by meaning. The model is fixed for the life of the process, so a remembered vector
 * never goes stale; past {@value #REMEMBERED} queries the least used are forgotten (about
 * 1.5 MB with 384 dimensions). A failure of the model is not remembered.
 */
final class QueryVectors {

	/** Queries whose vectors are kept. */
	static final int REMEMBERED = 1000;

	private final Embedder embedder;

	private final Cache<String, float[]> vectors;

	QueryVectors(Embedder embedder) {
		this(embedder, REMEMBERED);
	}

	QueryVectors(Embedder embedder, int remembered) {
		this.embedder = embedder;
		// run on the calling thread: Caffeine's default executor would use the common pool for upkeep
		this.vectors = Caffeine.newBuilder().maximumSize(remembered).executor(Runnable::run).build();
	}

	/**
	 * The embedding of {@code text}, from the model on first use. The array is shared between
	 * searches: callers only read it.
	 */
	float[] of(String text) {
		return this.vectors.get(text, (query) -> this.embedder.embed(List.of(query)).get(0));
	}

}
