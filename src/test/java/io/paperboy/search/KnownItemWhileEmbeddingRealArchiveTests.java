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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper's exact title finds it first in every mode and at every stage of embedding, on the real
 * archive of Hugging Face's daily papers (8,506 papers), with the real model: 1,000 papers sampled
 * with a fixed seed are embedded; the first 100 of them are the titles searched for.
 * <ul>
 * <li>0%: every paper indexed for words, none embedded;</li>
 * <li>partial: every paper indexed, 900 embedded (10.6%), the 100 sought not;</li>
 * <li>complete: the 1,000 papers indexed and embedded.</li>
 * </ul>
 * Before known items and the fusion that counts words twice for papers without a vector, hybrid
 * search put 1 title of 100 first at the partial stage, semantic search none.
 */
@Tag("real-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownItemWhileEmbeddingRealArchiveTests {

	private static final int EMBEDDED = 1000;

	private static final int SOUGHT = 100;

	private List<IndexedPaper> papers;

	private List<IndexedPaper> sample;

	private Map<String, float[]> vectors;

	private List<float[]> titleVectors;

	private ExecutorService threads;

	private MiniLmEmbedder embedder;

	/** A folder for the whole class: the model's natives and the index the tests share. */
	private Path shared;

	/** Every paper indexed, all but the sought embedded: built once, read by the tests of that stage. */
	private SearchIndex partial;

	@TempDir
	Path folder;

	@BeforeAll
	void embedASample(@TempDir Path shared) {
		this.shared = shared;
		this.papers = RealArchive.hfDailyPapers(SharedData.hfDailyPapers());
		assertThat(this.papers).hasSize(8506);
		List<IndexedPaper> shuffled = new ArrayList<>(this.papers);
		Collections.shuffle(shuffled, new Random(20261206));
		this.sample = shuffled.subList(0, EMBEDDED);
		this.threads = Executors.newFixedThreadPool(2);
		this.embedder = new MiniLmEmbedder(this.threads, shared.resolve("natives"));
		List<float[]> embedded = this.embedder.embed(this.sample.stream().map(IndexedPaper::embeddingText).toList());
		this.vectors = new HashMap<>();
		for (int i = 0; i < EMBEDDED; i++) {
			this.vectors.put(this.sample.get(i).id(), embedded.get(i));
		}
		this.titleVectors = this.embedder.embed(sought().stream().map((paper) -> title(paper)).toList());
	}

	@AfterAll
	void stopThreads() {
		if (this.partial != null) {
			this.partial.close();
		}
		if (this.threads != null) {
			this.threads.shutdownNow();
		}
	}

	@Test
	void withNoPaperEmbeddedTheExactTitleIsFirstInEveryMode() {
		try (SearchIndex index = index("none", this.papers, Map.of())) {
			assertThat(index.countEmbedded()).isZero();
			assertFirstInEveryMode(index, "0% embedded");
		}
	}

	@Test
	void withATenthEmbeddedTheExactTitleOfAPaperNotEmbeddedIsFirstInEveryMode() {
		SearchIndex index = partial();
		assertThat(index.countEmbedded()).isEqualTo(EMBEDDED - SOUGHT);
		assertFirstInEveryMode(index, "10.6% embedded");
	}

	@Test
	void withEveryPaperEmbeddedTheExactTitleIsFirstInEveryMode() {
		try (SearchIndex index = index("complete", this.sample, this.vectors)) {
			assertThat(index.countEmbedded()).isEqualTo(EMBEDDED);
			assertFirstInEveryMode(index, "100% embedded");
		}
	}

	@Test
	void queriesThatMatchNothingFindNothingInEveryMode() {
		PaperSearcher searcher = new PaperSearcher(partial(), PaperFields.analyzer());
		List<String> nonsense = SimilarityFloorMeasurement.NONSENSE.stream()
			.filter((query) -> !List.of("hinton", "Yejin Choi", "the").contains(query))
			.toList();
		List<float[]> vectors = this.embedder.embed(nonsense);
		for (int i = 0; i < nonsense.size(); i++) {
			for (SearchRequest.Mode mode : List.of(SearchRequest.Mode.SEMANTIC, SearchRequest.Mode.HYBRID)) {
				SearchResult result = searcher.search(SearchRequest.of(nonsense.get(i), mode), vectors.get(i));
				assertThat(result.meaningOnly()).as("%s, %s", nonsense.get(i), mode).isZero();
			}
		}
		for (String query : List.of("xyzzyplugh", "author:hinton", "\"reward tampering\"")) {
			for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
				float[] vector = this.embedder.embed(List.of(SearchQuery.parse(query).positiveText())).get(0);
				assertThat(searcher.search(SearchRequest.of(query, mode), vector).total()).as("%s, %s", query, mode)
					.isZero();
			}
		}
		for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
			SearchResult choi = searcher.search(SearchRequest.of("author:\"Yejin Choi\"", mode).withLimit(100),
					this.embedder.embed(List.of("Yejin Choi")).get(0));
			assertThat(choi.total()).as(mode.name()).isEqualTo(51);
			assertThat(choi.ids()).hasSize(51);
		}
	}

	private void assertFirstInEveryMode(SearchIndex index, String stage) {
		PaperSearcher searcher = new PaperSearcher(index, PaperFields.analyzer());
		for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
			int first = 0;
			List<String> misses = new ArrayList<>();
			for (int i = 0; i < SOUGHT; i++) {
				IndexedPaper paper = sought().get(i);
				List<String> found = searcher
					.search(new SearchRequest(SearchQuery.parse(title(paper)), mode, SearchRequest.Sort.RELEVANCE, null,
							null, null, null, 0, 3), (mode == SearchRequest.Mode.TEXT) ? null : this.titleVectors.get(i))
					.ids();
				if (!found.isEmpty() && found.get(0).equals(paper.id())) {
					first++;
				}
				else {
					misses.add(paper.id() + " -> " + found + ": " + title(paper));
				}
			}
			System.out.printf("Known item by exact title, %s, %s: %d of %d first; misses: %s%n", stage, mode, first,
					SOUGHT, misses);
			assertThat(first).as("%s, %s: titles found first; misses %s", stage, mode, misses).isEqualTo(SOUGHT);
		}
	}

	private List<IndexedPaper> sought() {
		return this.sample.subList(0, SOUGHT);
	}

	private static String title(IndexedPaper paper) {
		return SearchQualityRealArchiveTests.cut(paper.title());
	}

	/** The index of the partial stage, built on first use and shared by the tests that only read it. */
	private SearchIndex partial() {
		if (this.partial == null) {
			Map<String, float[]> some = new HashMap<>(this.vectors);
			sought().forEach((paper) -> some.remove(paper.id()));
			this.partial = index(this.shared.resolve("partial"), this.papers, some);
		}
		return this.partial;
	}

	private SearchIndex index(String name, List<IndexedPaper> papers, Map<String, float[]> vectors) {
		return index(this.folder.resolve(name), papers, vectors);
	}

	private static SearchIndex index(Path folder, List<IndexedPaper> papers, Map<String, float[]> vectors) {
		SearchIndex index = SearchIndex.open(folder, MiniLmEmbedder.MODEL);
		index.add(papers, vectors);
		index.commit(Map.of());
		index.refresh();
		return index;
	}

}
