package io.paperboy.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The product's embeddings of every paper of Hugging Face's daily files, for the evaluations of other
 * features (the "For you" evaluation): the same model and text as the index, cached between runs in
 * the format {@link SimilarityEvaluation} uses.
 */
public final class ProductionVectors {

	private ProductionVectors() {
	}

	/**
	 * The vectors by paper id, embedding (with {@code threads} threads) and caching only those missing
	 * from {@code cache}; {@code work} receives the tokenizer's native files.
	 */
	public static Map<String, float[]> ofDailyPapers(Path data, Path cache, Path work, int threads) throws IOException {
		java.nio.file.Files.createDirectories(cache);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			// sets the tokenizer's native folder, as the product does
			new MiniLmEmbedder(executor, work.resolve("natives"));
			return SimilarityEvaluation.vectors(SimilarityEvaluation.variant(SimilarityEvaluation.PRODUCTION),
					RealArchive.hfDailyPapers(data), cache, executor);
		}
		finally {
			executor.shutdown();
		}
	}

}
