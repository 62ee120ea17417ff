package io.paperboy.search;

import java.util.Collection;
import java.util.List;
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
	 * Up to {@code count} vectors of papers drawn at random from the whole index; the same seed on the
	 * same index draws the same papers.
	 */
	public List<float[]> sample(int count, long seed) {
		return this.sync.index().sampleVectors(count, seed);
	}

}
