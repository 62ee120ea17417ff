package io.paperboy.search;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality of similar papers, pinned: a small run of the offline evaluation
 * ({@link SimilarityEvaluation}, {@code bench/similarity.sh}) on real papers with the real model. 50
 * query papers of Hugging Face's daily lists, a catalog of 500 papers embedded as the product embeds
 * them, graded pools ({@link SimilarityPools}); each pool ranked by the product's answer to
 * {@code /similar?limit=50}, the pool members it did not return appended in random order, as the
 * expert benchmark ranks a pool. NDCG at 20% of the pool is averaged over the held-out half.
 */
@Tag("real-data")
class SimilarPapersQualityRealArchiveTests {

	private static final long SEED = 20261207L;

	@Test
	void theBlendOfMeaningAndWordsRanksGradedPoolsBetterThanMeaningAlone(@TempDir Path folder) {
		Path archive = SharedData.hfDailyPapers();
		SimilarityPools grading = new SimilarityPools(RealArchive.hfDailyPapers(archive), RealArchive.hfKeywords(archive));
		SimilarityPools.Catalog catalog = grading.catalog(40, 400, SEED);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		MiniLmEmbedder embedder = new MiniLmEmbedder(threads, folder.resolve("natives"));
		List<float[]> embedded = embedder.embed(catalog.papers().stream().map(IndexedPaper::embeddingText).toList());
		threads.shutdown();
		Map<String, float[]> vectors = new HashMap<>();
		for (int i = 0; i < embedded.size(); i++) {
			vectors.put(catalog.papers().get(i).id(), embedded.get(i));
		}
		try (SearchIndex index = SearchIndex.open(folder.resolve("index"), embedder.model())) {
			index.add(catalog.papers(), vectors);
			index.commit(Map.of());
			index.refresh();
			PaperSearcher searcher = new PaperSearcher(index, PaperFields.analyzer());
			SimilarityPools.Split split = grading.pools(catalog,
					(paper) -> searcher.nearestByWords(paper, SimilarityPools.POOLED),
					(paper) -> searcher.nearestByMeaning(paper.id(), SimilarityPools.POOLED), SEED);
			// none of these pools was used to choose the method (the benchmark draws with another seed)
			List<SimilarityPools.Pool> pools = SimilarityEvaluation.all(split);
			double random = mean(pools, SimilarityEvaluation::randomNdcg);
			double meaning = mean(pools,
					(pool) -> pool.ndcg(SimilarityEvaluation.answer(pool, searcher.nearestByMeaning(pool.query().id(), 50))));
			double product = mean(pools,
					(pool) -> pool.ndcg(SimilarityEvaluation.answer(pool, searcher.similar(pool.query(), 50))));
			System.out.printf(java.util.Locale.ROOT,
					"Similar papers, NDCG at 20%% of the pool on %d pools: /similar?limit=50 %.3f, meaning alone %.3f, random order %.3f%n",
					pools.size(), product, meaning, random);
			// measured: see docs/search.md; a regression to meaning alone, or a worse blend, crosses these
			assertThat(product).isGreaterThan(0.40);
			assertThat(product).isGreaterThan(meaning + 0.03);
			assertThat(product).isGreaterThan(random + 0.15);
		}
	}

	private static double mean(List<SimilarityPools.Pool> pools, Function<SimilarityPools.Pool, Double> ndcg) {
		return pools.stream().mapToDouble(ndcg::apply).average().orElseThrow();
	}

}
