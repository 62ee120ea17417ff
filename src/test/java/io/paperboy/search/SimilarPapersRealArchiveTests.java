package io.paperboy.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar papers make sense on real papers: 1,200 real cs papers of 2026 (sampled with a fixed seed
 * from the Kaggle-format snapshot, which has arXiv categories; Hugging Face's lists have none),
 * embedded with the real model. The similar papers of a paper share its primary category far more
 * often than two papers drawn at random do, by meaning and, for papers not embedded yet, by words.
 */
@Tag("real-data")
class SimilarPapersRealArchiveTests {

	private static final int CORPUS = 1200;

	private static final int PROBES = 200;

	/** As many as a paper page shows. */
	private static final int SHOWN = SimilarPapers.ON_PAPER_PAGE;

	private static double sharedRate(List<IndexedPaper> papers, Map<String, String> primary,
			java.util.function.Function<IndexedPaper, List<String>> similarTo) {
		int pairs = 0;
		int shared = 0;
		for (IndexedPaper paper : papers.subList(0, PROBES)) {
			List<String> similar = similarTo.apply(paper);
			assertThat(similar).hasSize(SHOWN).doesNotContain(paper.id());
			for (String other : similar) {
				pairs++;
				if (primary.get(other).equals(primary.get(paper.id()))) {
					shared++;
				}
			}
		}
		return (double) shared / pairs;
	}

	@Test
	void similarPapersShareThePrimaryCategoryFarMoreOftenThanChance(@TempDir Path folder) {
		List<IndexedPaper> all = new ArrayList<>(
				RealArchive.kaggleSnapshot(SharedData.require("arxiv-kaggle/arxiv-cs-2026-05-06.derived.jsonl")));
		Collections.shuffle(all, new Random(20261127));
		List<IndexedPaper> papers = all.subList(0, CORPUS);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		MiniLmEmbedder embedder = new MiniLmEmbedder(threads, folder.resolve("natives"));
		long start = System.nanoTime();
		List<float[]> vectors = embedder.embed(papers.stream().map(IndexedPaper::embeddingText).toList());
		double seconds = (System.nanoTime() - start) / 1e9;
		threads.shutdown();
		Map<String, String> primary = new HashMap<>();
		Map<String, Integer> perCategory = new HashMap<>();
		try (SearchIndex index = SearchIndex.open(folder.resolve("index"), embedder.model())) {
			Map<String, float[]> byId = new HashMap<>();
			for (int i = 0; i < papers.size(); i++) {
				byId.put(papers.get(i).id(), vectors.get(i));
				primary.put(papers.get(i).id(), papers.get(i).categories().get(0));
				perCategory.merge(papers.get(i).categories().get(0), 1, Integer::sum);
			}
			index.add(papers, byId);
			index.commit(Map.of());
			index.refresh();
			PaperSearcher searcher = new PaperSearcher(index, PaperFields.analyzer());
			// the chance that two papers drawn at random share their primary category
			double chance = perCategory.values().stream().mapToDouble((n) -> Math.pow((double) n / CORPUS, 2)).sum();
			double meaning = sharedRate(papers, primary, (paper) -> searcher.nearestByMeaning(paper.id(), SHOWN));
			double words = sharedRate(papers, primary, (paper) -> searcher.nearestByWords(paper, SHOWN));
			double blended = sharedRate(papers, primary, (paper) -> searcher.similar(paper, SHOWN));
			System.out.printf(
					"Similar papers (%d shown) sharing the primary category: meaning %.1f%%, words %.1f%%, as shown (blended) %.1f%%; chance %.1f%%; embedded %d papers in %.1f s (%.0f/s)%n",
					SHOWN, 100 * meaning, 100 * words, 100 * blended, 100 * chance, CORPUS, seconds, CORPUS / seconds);
			// meaning 67.3%, words 52.6%, chance 31.0% when measured; fusing both gave 63.2%
			assertThat(meaning).isGreaterThan(2 * chance);
			// what the page shows: meaning and words blended, on a par with meaning on this measure
			assertThat(blended).isGreaterThan(2 * chance);
			// the fallback for papers not embedded yet: worse than meaning, far better than chance
			assertThat(words).isGreaterThan(1.5 * chance).isLessThan(meaning);
		}
	}

}
