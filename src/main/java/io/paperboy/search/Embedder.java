package io.paperboy.search;

import java.util.List;

/**
 * Turns texts into vectors whose dot product says how close their meanings are. The production one
 * runs a small sentence-embedding model in the process ({@link MiniLmEmbedder}).
 */
interface Embedder {

	/** A name for the model, recorded in the index so that vectors of another model are not mixed in. */
	String model();

	/** Dimensions of every vector. */
	int dimensions();

	/** One unit-length vector per text, in order. */
	List<float[]> embed(List<String> texts);

}
