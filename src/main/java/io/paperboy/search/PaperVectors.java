package io.paperboy.search;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The papers' embeddings as the search index holds them, for a model that ranks papers by meaning
 * (the "For you" feed): read only, copies, never the index itself. A paper not embedded yet has no
 * vector.
 */
@Service
public class PaperVectors {

	private final IndexSync sync;

	PaperVectors(IndexSync sync) {
		this.sync = sync;
	}

	/** The vectors of those of these papers that have one, by paper id. */
	public Map<String, float[]> vectorsOf(Collection<String> paperIds) {
		return paperIds.isEmpty() ? Map.of() : this.sync.index().vectorsOf(paperIds);
	}

	/**
	 * Up to {@code count} papers drawn at random from the whole index, with their vectors, by id; the
	 * same seed on the same index draws the same papers in the same order.
	 */
	public Map<String, float[]> sample(int count, long seed) {
		return this.sync.index().sampleVectors(count, seed);
	}

}
