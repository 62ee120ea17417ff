package io.paperboy.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The index on a small corpus written here, with the real embedding model. */
class SearchIndexTests {

	private static final List<IndexedPaper> CORPUS = List.of(
			paper("2401.00001", "Reward Tampering in Reinforcement Learning Agents",
					"We study agents that modify their own reward signal instead of solving the task.",
					List.of("Ada Lovelace", "Alan Turing"), List.of("cs.LG", "cs.AI"), "2024-01-10", 50),
			paper("2401.00002", "Specification Gaming: When Optimisers Exploit Loopholes",
					"Trained policies find unintended shortcuts that score well on the objective but violate its intent.",
					List.of("Grace Hopper"), List.of("cs.AI"), "2024-03-05", 10),
			paper("2401.00003", "Image Classification with Convolutional Networks",
					"A convolutional network classifies images of animals with high accuracy.",
					List.of("Alan Turing"), List.of("cs.CV"), "2023-06-01", 5),
			paper("2401.00004", "Large Language Models for Translation",
					"Language models translate between English and French without parallel data.",
					List.of("Barbara Liskov"), List.of("cs.CL"), "2025-02-02", 30),
			paper("2401.00005", "Protein Folding Predicted by Deep Learning",
					"Structures of proteins are predicted from their amino-acid sequences.",
					List.of("Edsger Dijkstra", "Ada Lovelace"), List.of("q-bio.BM", "cs.LG"), "2025-07-07", 80));

	private static MiniLmEmbedder embedder;

	@TempDir
	Path folder;

	private SearchIndex index;

	private PaperSearcher searcher;

	@BeforeAll
	static void loadModel(@TempDir Path natives) {
		embedder = new MiniLmEmbedder(Executors.newSingleThreadExecutor(), natives);
	}

	@BeforeEach
	void indexCorpus() {
		this.index = SearchIndex.open(this.folder.resolve("index"), embedder.model());
		List<float[]> vectors = embedder.embed(CORPUS.stream().map(IndexedPaper::embeddingText).toList());
		for (int i = 0; i < CORPUS.size(); i++) {
			this.index.upsert(CORPUS.get(i), vectors.get(i));
		}
		this.index.commit(Map.of());
		this.index.refresh();
		this.searcher = new PaperSearcher(this.index, PaperFields.analyzer());
	}

	@AfterEach
	void close() {
		this.index.close();
	}

	@Test
	void aWordFindsEveryPaperThatHasItInTitleAbstractOrAuthors() {
		assertThat(text("learning").ids()).containsExactlyInAnyOrder("2401.00001", "2401.00005");
		assertThat(text("turing").ids()).containsExactlyInAnyOrder("2401.00001", "2401.00003");
		assertThat(text("learning").total()).isEqualTo(2);
	}

	@Test
	void englishAnalysisMatchesOtherFormsOfAWord() {
		assertThat(text("classify").ids()).containsExactly("2401.00003");
		assertThat(text("predicting proteins").ids()).containsExactly("2401.00005");
	}

	@Test
	void aWordInTheTitleRanksAboveTheSameWordInTheAbstract() {
		assertThat(text("language").ids()).containsExactly("2401.00004");
		assertThat(text("reward").ids()).containsExactly("2401.00001");
		assertThat(text("agents reward").ids().get(0)).isEqualTo("2401.00001");
	}

	@Test
	void phrasesAuthorsCategoriesAndExclusionsNarrowTheResults() {
		assertThat(text("\"language models\"").ids()).containsExactly("2401.00004");
		assertThat(text("\"models language\"").ids()).isEmpty();
		assertThat(text("author:turing").ids()).containsExactlyInAnyOrder("2401.00001", "2401.00003");
		assertThat(text("author:\"ada lovelace\" protein").ids()).containsExactly("2401.00005");
		assertThat(text("category:cs.LG").total()).isEqualTo(2);
		assertThat(text("learning -protein").ids()).containsExactly("2401.00001");
		assertThat(text("-category:cs.LG").total()).isEqualTo(3);
		assertThat(text("title:learning").ids()).containsExactlyInAnyOrder("2401.00001", "2401.00005");
	}

	@Test
	void datesFilterAndSortTheResults() {
		SearchRequest since2025 = new SearchRequest(SearchQuery.parse("learning language"), SearchRequest.Mode.TEXT,
				SearchRequest.Sort.RELEVANCE, LocalDate.of(2025, 1, 1), null, null, null, 0, 10);
		assertThat(this.searcher.search(since2025, null).ids()).containsExactlyInAnyOrder("2401.00004", "2401.00005");
		SearchRequest byDate = new SearchRequest(SearchQuery.parse("learning language"), SearchRequest.Mode.TEXT,
				SearchRequest.Sort.DATE, null, LocalDate.of(2025, 7, 7), null, null, 0, 10);
		assertThat(this.searcher.search(byDate, null).ids()).containsExactly("2401.00005", "2401.00004", "2401.00001");
		SearchRequest byUpvotes = new SearchRequest(SearchQuery.parse("learning language"), SearchRequest.Mode.TEXT,
				SearchRequest.Sort.UPVOTES, null, null, null, null, 0, 10);
		assertThat(this.searcher.search(byUpvotes, null).ids()).containsExactly("2401.00005", "2401.00001", "2401.00004");
	}

	@Test
	void facetsCountCategoriesAndYearsOfEveryPaperFound() {
		SearchResult result = text("learning turing");
		assertThat(result.total()).isEqualTo(3);
		assertThat(result.categories()).containsExactly(Map.entry("cs.LG", 2), Map.entry("cs.AI", 1),
				Map.entry("cs.CV", 1), Map.entry("q-bio.BM", 1));
		assertThat(result.years()).containsExactly(Map.entry("2025", 1), Map.entry("2024", 1), Map.entry("2023", 1));
	}

	@Test
	void pastTheBoundThePageCountsMoreThanItAndFacetsTheFirstPapersFound() {
		plannersIndexed(PaperSearcher.COUNTED + 1);
		SearchResult plan = text("plan");
		assertThat(plan.capped()).isTrue();
		assertThat(plan.total()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(plan.wordMatches()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(plan.categories().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(plan.years().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(plan.categories()).containsOnlyKeys("cs.LG", "cs.RO");
		SearchRequest byDate = new SearchRequest(SearchQuery.parse("plan"), SearchRequest.Mode.TEXT,
				SearchRequest.Sort.DATE, null, null, null, null, 0, 20);
		SearchResult newest = this.searcher.search(byDate, null);
		assertThat(newest.capped()).isTrue();
		// equally relevant, the planners come in the order they were indexed: the first thousand hold all 366
		// days of 2020; the newest thousand leave out the oldest, published on 2020-01-01
		assertThat(plan.years()).containsEntry("2020", 366);
		assertThat(newest.years()).containsEntry("2020", 365).containsEntry("2022", 270);
		// the API counts as Lucene does, and says nothing of a bound
		SearchResult api = this.searcher.search(SearchRequest.of("plan", SearchRequest.Mode.TEXT), null, false);
		assertThat(api.capped()).isFalse();
		assertThat(api.total()).isGreaterThanOrEqualTo(PaperSearcher.COUNTED);
		assertThat(api.ids()).isEqualTo(plan.ids());
	}

	@Test
	void aFacetNarrowsToItsPapersAndUnderTheBoundTheCountIsExact() {
		Set<String> robotics = plannersIndexed(PaperSearcher.COUNTED + 1);
		SearchRequest narrowed = new SearchRequest(SearchQuery.parse("plan"), SearchRequest.Mode.TEXT,
				SearchRequest.Sort.RELEVANCE, null, null, "cs.RO", null, 0, PaperSearcher.COUNTED);
		SearchResult result = this.searcher.search(narrowed, null);
		assertThat(result.capped()).isFalse();
		assertThat(result.total()).isEqualTo(robotics.size()).isLessThan(PaperSearcher.COUNTED);
		assertThat(result.ids()).containsExactlyInAnyOrderElementsOf(robotics);
		assertThat(result.categories()).containsExactly(Map.entry("cs.RO", robotics.size()));
		// "robots" is in every planner's abstract but the last: exactly the bound, counted exactly
		SearchResult robots = text("robots");
		assertThat(robots.capped()).isFalse();
		assertThat(robots.total()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(robots.categories().values().stream().mapToInt(Integer::intValue).sum())
			.isEqualTo(PaperSearcher.COUNTED);
	}

	@Test
	void hybridSearchPastTheBoundCountsThePapersWithTheWordsUpToIt() {
		plannersIndexed(PaperSearcher.COUNTED + 1);
		float[] vector = embedder.embed(List.of("plan")).get(0);
		SearchRequest request = SearchRequest.of("plan", SearchRequest.Mode.HYBRID);
		SearchResult page = this.searcher.search(request, vector, true);
		assertThat(page.capped()).isTrue();
		assertThat(page.wordMatches()).isEqualTo(PaperSearcher.COUNTED);
		assertThat(page.total()).isEqualTo(PaperSearcher.COUNTED + page.meaningOnly());
		assertThat(page.categories().values().stream().mapToInt(Integer::intValue).sum())
			.isGreaterThanOrEqualTo(PaperSearcher.COUNTED);
		SearchResult api = this.searcher.search(request, vector, false);
		assertThat(api.capped()).isFalse();
		assertThat(api.ids()).isEqualTo(page.ids());
	}

	/**
	 * Adds {@code count} papers on planning (without vectors) to the corpus, one a day from
	 * 2020-01-01, every fourth in cs.RO and the others in cs.LG; all but the last say "robots".
	 * @return the ids of those in cs.RO
	 */
	private Set<String> plannersIndexed(int count) {
		List<IndexedPaper> planners = new ArrayList<>();
		Set<String> robotics = new HashSet<>();
		for (int i = 0; i < count; i++) {
			String id = String.format(Locale.ROOT, "2402.%05d", i + 1);
			String category = (i % 4 == 0) ? "cs.RO" : "cs.LG";
			if (category.equals("cs.RO")) {
				robotics.add(id);
			}
			planners.add(new IndexedPaper(id, "Learning to Plan, Part " + (i + 1),
					(i < count - 1) ? "Robots plan their moves." : "Agents plan their moves.", List.of("Ada Lovelace"),
					List.of(category), Instant.parse("2020-01-01T12:00:00Z").plus(Duration.ofDays(i)), 0));
		}
		this.index.upsert(planners);
		this.index.refresh();
		return robotics;
	}

	@Test
	void meaningFindsAPaperThatSharesNoWordWithTheQuery() {
		String query = "systems that hack their incentive";
		assertThat(text(query).ids()).isEmpty();
		SearchResult result = this.searcher.search(SearchRequest.of(query, SearchRequest.Mode.SEMANTIC).withLimit(2),
				embedder.embed(List.of(query)).get(0));
		// cosine 0.41 with the paper on reward tampering; 0.38 with the one on specification gaming, under the floor
		assertThat(result.ids()).containsExactly("2401.00001");
	}

	@Test
	void hybridSearchFusesWordsAndMeaning() {
		String query = "learning agents that exploit their objective";
		SearchResult result = this.searcher.search(SearchRequest.of(query, SearchRequest.Mode.HYBRID),
				embedder.embed(List.of(query)).get(0));
		// both found by words and close in meaning (cosine 0.60 and 0.42), then the one with "learning" alone
		assertThat(result.ids()).hasSize(3);
		assertThat(result.ids().subList(0, 2)).containsExactlyInAnyOrder("2401.00001", "2401.00002");
		assertThat(result.ids().get(2)).isEqualTo("2401.00005");
		assertThat(result.total()).isEqualTo(3);
		assertThat(result.wordMatches()).isEqualTo(3);
		assertThat(result.meaningOnly()).isZero();
	}

	@Test
	void hybridSearchWithoutFacetsFindsTheSameAndCountsThePapersWithTheWords() {
		String query = "learning agents that exploit their objective";
		float[] vector = embedder.embed(List.of(query)).get(0);
		SearchRequest request = SearchRequest.of(query, SearchRequest.Mode.HYBRID);
		SearchResult withFacets = this.searcher.search(request, vector, true);
		SearchResult withoutFacets = this.searcher.search(request, vector, false);
		assertThat(withoutFacets.ids()).isEqualTo(withFacets.ids());
		assertThat(withoutFacets.wordMatches()).isEqualTo(3);
		assertThat(withoutFacets.total()).isEqualTo(withFacets.total());
		assertThat(withoutFacets.categories()).isEmpty();
	}

	@Test
	void similarPapersLeaveThePaperItselfOut() {
		List<String> similar = this.searcher.similar(CORPUS.get(0), 3);
		assertThat(similar).hasSize(3).doesNotContain("2401.00001");
		assertThat(this.searcher.similar(CORPUS.get(0), 10)).hasSize(4);
		assertThat(this.searcher.similar(CORPUS.get(0), 10))
			.containsExactlyInAnyOrderElementsOf(this.searcher.nearestByMeaning("2401.00001", 10));
		assertThat(this.searcher.nearestByMeaning("2401.00001", 2)).containsExactly("2401.00002", "2401.00003");
	}

	@Test
	void theVectorsOfManyPapersAreReadAtOnceLeavingOutPapersWithoutOneAndUnknownIds() {
		IndexedPaper fresh = paper("2401.00006", "Not Embedded Yet", "A paper without a vector.", List.of(), List.of(),
				"2025-09-09", 0);
		this.index.upsert(List.of(fresh));
		float[] axis = new float[this.index.vectorOf("2401.00001").orElseThrow().length];
		axis[0] = 1;
		this.index.upsert(CORPUS.get(1), axis);
		this.index.refresh();

		Map<String, float[]> vectors = this.index.vectorsOf(List.of("2401.00002", "2401.00001", fresh.id(), "2499.99999"));

		assertThat(vectors.keySet()).containsExactlyInAnyOrder("2401.00001", "2401.00002");
		assertThat(vectors.get("2401.00002")).containsExactly(axis);
		assertThat(vectors.get("2401.00001")).containsExactly(this.index.vectorOf("2401.00001").orElseThrow());
		assertThat(this.index.vectorsOf(List.of())).isEmpty();
	}

	@Test
	void aSampleOfVectorsIsBoundedAndTheSameForTheSameSeed() {
		assertThat(this.index.sampleVectors(10, 1)).hasSize(CORPUS.size());
		Map<String, float[]> two = this.index.sampleVectors(2, 7);
		assertThat(two).hasSize(2);
		assertThat(this.index.sampleVectors(2, 7).keySet()).containsExactlyElementsOf(two.keySet());
		two.forEach((id, vector) -> assertThat(vector).containsExactly(this.index.vectorOf(id).orElseThrow()));
		assertThat(this.index.sampleVectors(0, 7)).isEmpty();
	}

	@Test
	void aPaperWithoutAVectorHasSimilarPapersByItsWords() {
		IndexedPaper fresh = paper("2401.00006", "Convolutional Networks Classify Images of Animals",
				"Deep convolutional networks classify animal images; reward signals play no part.", List.of("Kurt Gödel"),
				List.of("cs.CV"), "2025-09-09", 0);
		this.index.upsert(List.of(fresh));
		this.index.refresh();
		assertThat(this.index.vectorOf(fresh.id())).isEmpty();
		assertThat(this.searcher.nearestByMeaning(fresh.id(), 5)).isEmpty();
		List<String> similar = this.searcher.similar(fresh, 5);
		assertThat(similar).isNotEmpty().doesNotContain(fresh.id());
		assertThat(similar.get(0)).isEqualTo("2401.00003");
		assertThat(this.searcher.nearestByWords(fresh, 1)).containsExactly("2401.00003");
	}

	@Test
	void aPaperNotEmbeddedYetIsAmongTheSimilarPapersOfAnEmbeddedOneByItsWords() {
		IndexedPaper fresh = paper("2401.00006", "Agents Tampering with Their Reward Signal",
				"Reinforcement learning agents modify their own reward signal instead of solving the task.",
				List.of("Kurt Gödel"), List.of("cs.LG"), "2025-09-09", 0);
		this.index.upsert(List.of(fresh));
		this.index.refresh();
		assertThat(this.index.vectorOf(fresh.id())).isEmpty();
		assertThat(this.searcher.nearestByMeaning("2401.00001", 10)).doesNotContain(fresh.id());
		assertThat(this.searcher.similar(CORPUS.get(0), 3)).startsWith(fresh.id()).doesNotContain("2401.00001");
	}

	@Test
	void theEmbeddingQueueTakesTheNewestPapersFirst() {
		this.index.upsert(List.of(paper("2401.00007", "Old", "An old paper.", List.of(), List.of(), "2020-01-01", 0),
				paper("2401.00008", "Newest", "The newest paper.", List.of(), List.of(), "2026-05-31", 0),
				paper("2401.00009", "Middle", "A paper of 2025.", List.of(), List.of(), "2025-12-01", 0),
				new IndexedPaper("2401.00010", "Undated", "A paper without a date.", List.of(), List.of(), null, 0)));
		this.index.refresh();
		assertThat(this.index.unembedded(10)).containsExactly("2401.00008", "2401.00009", "2401.00007", "2401.00010");
		assertThat(this.index.unembedded(1)).containsExactly("2401.00008");
	}

	@Test
	void theExactTitleOfAPaperNotYetEmbeddedComesFirstInEveryMode() {
		IndexedPaper fresh = paper("2401.00006", "Learning Agents That Tamper With Their Reward Signal",
				"Agents in reinforcement learning may modify the reward they are given.", List.of("Kurt Gödel"),
				List.of("cs.LG"), "2026-05-31", 0);
		this.index.upsert(List.of(fresh));
		this.index.refresh();
		float[] vector = embedder.embed(List.of(fresh.title())).get(0);
		for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
			SearchResult result = this.searcher.search(SearchRequest.of(fresh.title(), mode), vector);
			assertThat(result.ids()).as(mode.name()).startsWith(fresh.id());
		}
		// without the known item, plain fusion would put the embedded paper on reward tampering first
		SearchResult semantic = this.searcher.search(SearchRequest.of("agents tampering with rewards", SearchRequest.Mode.SEMANTIC),
				embedder.embed(List.of("agents tampering with rewards")).get(0));
		assertThat(semantic.ids()).startsWith("2401.00001").doesNotContain(fresh.id());
	}

	@Test
	void aPaperNotYetEmbeddedIsNotDemotedByFusion() {
		IndexedPaper fresh = paper("2401.00006", "Tampering", "Reward tampering by agents, measured.", List.of(),
				List.of("cs.LG"), "2026-05-31", 0);
		this.index.upsert(List.of(fresh));
		this.index.refresh();
		String query = "tampering";
		List<String> byWords = text(query).ids();
		assertThat(byWords).startsWith(fresh.id());
		SearchResult hybrid = this.searcher.search(SearchRequest.of(query, SearchRequest.Mode.HYBRID),
				embedder.embed(List.of(query)).get(0));
		assertThat(hybrid.ids()).startsWith(fresh.id());
	}

	@Test
	void fieldsPhrasesAndIdsAreAnsweredByWordsInEveryMode() {
		for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
			assertThat(search("author:turing", mode).ids()).as(mode.name())
				.containsExactlyInAnyOrder("2401.00001", "2401.00003");
			assertThat(search("author:hinton", mode).total()).as(mode.name()).isZero();
			assertThat(search("\"reward tampering\"", mode).ids()).as(mode.name()).containsExactly("2401.00001");
			assertThat(search("\"tampering with rewards\"", mode).total()).as(mode.name()).isZero();
			assertThat(search("title:language", mode).ids()).as(mode.name()).containsExactly("2401.00004");
			assertThat(search("category:cs.CV", mode).ids()).as(mode.name()).containsExactly("2401.00003");
			assertThat(search("2401.00004", mode).ids()).as(mode.name()).containsExactly("2401.00004");
			assertThat(search("arXiv:2401.00005v2", mode).ids()).as(mode.name()).containsExactly("2401.00005");
			assertThat(search("2401.00004", mode).semantic()).isFalse();
		}
	}

	@Test
	void nonsenseFindsNothingByMeaning() {
		for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
			SearchResult result = search("xyzzyplugh", mode);
			assertThat(result.total()).as(mode.name()).isZero();
			assertThat(result.ids()).as(mode.name()).isEmpty();
		}
		assertThat(search("banana bread recipe", SearchRequest.Mode.SEMANTIC).ids()).isEmpty();
	}

	@Test
	void aSearchByMeaningCountsThePapersWithTheWordsAndThoseOnlyCloseInMeaning() {
		SearchResult hybrid = search("systems that hack their incentive", SearchRequest.Mode.HYBRID);
		// no word of the query is in any paper ("that" and "their" are stop words)
		assertThat(hybrid.wordMatches()).isZero();
		assertThat(hybrid.meaningOnly()).isEqualTo(1);
		assertThat(hybrid.total()).isEqualTo(1);
		assertThat(hybrid.ids()).containsExactly("2401.00001");
		SearchResult words = search("reward convolutional", SearchRequest.Mode.HYBRID);
		assertThat(words.wordMatches()).isEqualTo(2);
		assertThat(words.total()).isEqualTo(words.wordMatches() + words.meaningOnly());
		SearchResult semantic = search("systems that hack their incentive", SearchRequest.Mode.SEMANTIC);
		assertThat(semantic.total()).isEqualTo(1);
		assertThat(semantic.embedded()).isEqualTo(5);
		assertThat(semantic.indexed()).isEqualTo(5);
	}

	@Test
	void exclusionsLeaveOutPapersFoundByMeaning() {
		assertThat(search("learning agents that exploit their objective", SearchRequest.Mode.SEMANTIC).ids())
			.containsExactly("2401.00001", "2401.00002");
		assertThat(search("learning agents that exploit their objective -loopholes", SearchRequest.Mode.SEMANTIC).ids())
			.containsExactly("2401.00001");
	}

	private SearchResult search(String query, SearchRequest.Mode mode) {
		String embedded = SearchQuery.parse(query).positiveText();
		return this.searcher.search(SearchRequest.of(query, mode),
				embedded.isBlank() ? null : embedder.embed(List.of(embedded)).get(0));
	}

	@Test
	void reindexingAPaperReplacesItAndKeepsItsVectorWhileItsTextIsTheSame() {
		IndexedPaper first = CORPUS.get(0);
		this.index.upsert(List.of(new IndexedPaper(first.id(), first.title(), first.summary(), first.authors(),
				first.categories(), first.publishedAt(), 99)));
		this.index.refresh();
		assertThat(this.index.count()).isEqualTo(5);
		assertThat(this.index.countEmbedded()).isEqualTo(5);
		this.index.upsert(List.of(new IndexedPaper(first.id(), "A New Title", first.summary(), first.authors(),
				first.categories(), first.publishedAt(), 99)));
		this.index.refresh();
		assertThat(this.index.count()).isEqualTo(5);
		assertThat(this.index.unembedded(10)).containsExactly(first.id());
		assertThat(text("tampering").ids()).isEmpty();
		assertThat(text("new title").ids()).containsExactly(first.id());
	}

	@Test
	void papersWrittenBeforeTheirIdsWereInDocValuesAreFoundWithTheirIdsBesideNewerOnes() throws Exception {
		this.index.close();
		// two papers as the version before wrote them: the id stored, not in doc values
		try (var directory = org.apache.lucene.store.FSDirectory.open(this.folder.resolve("index"));
				var writer = new org.apache.lucene.index.IndexWriter(directory,
						new org.apache.lucene.index.IndexWriterConfig(PaperFields.analyzer()))) {
			for (IndexedPaper paper : List.of(
					paper("2402.00001", "Tampering with rewards, an older paper", "Written by the version before.",
							List.of("Ada Lovelace"), List.of("cs.LG"), "2024-02-01", 1),
					paper("2402.00002", "Tampering again", "Also written before.", List.of("Alan Turing"),
							List.of("cs.LG"), "2024-02-02", 2))) {
				org.apache.lucene.document.Document document = PaperFields.document(paper, null, null);
				document.removeFields(PaperFields.ID_VALUE);
				writer.updateDocument(new org.apache.lucene.index.Term(PaperFields.ID, paper.id()), document);
			}
			writer.commit();
		}
		this.index = SearchIndex.open(this.folder.resolve("index"), embedder.model());
		this.searcher = new PaperSearcher(this.index, PaperFields.analyzer());
		assertThat(this.index.wasCreated()).isFalse();
		assertThat(text("tampering").ids()).containsExactlyInAnyOrder("2401.00001", "2402.00001", "2402.00002");
		// written again (a change, or reindex): its id is in doc values from then on, and still found
		this.index.upsert(paper("2402.00002", "Tampering again", "Written again.", List.of("Alan Turing"),
				List.of("cs.LG"), "2024-02-02", 2), null);
		this.index.refresh();
		assertThat(text("tampering").ids()).containsExactlyInAnyOrder("2401.00001", "2402.00001", "2402.00002");
		int withDocValues = this.index.search((searcher) -> {
			int count = 0;
			for (var leaf : searcher.getIndexReader().leaves()) {
				var values = leaf.reader().getBinaryDocValues(PaperFields.ID_VALUE);
				var live = leaf.reader().getLiveDocs();
				for (int doc = 0; values != null && doc < leaf.reader().maxDoc(); doc++) {
					if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
						count++;
					}
				}
			}
			return count;
		});
		assertThat(withDocValues).isEqualTo(6);
	}

	@Test
	void anIndexOfTheCurrentFormatIsOpenedAsItIsAndAnotherIsCreatedAfresh() throws Exception {
		this.index.close();
		this.index = SearchIndex.open(this.folder.resolve("index"), embedder.model());
		assertThat(this.index.wasCreated()).isFalse();
		assertThat(this.index.count()).isEqualTo(5);
		this.index.commit(Map.of(SearchIndex.FORMAT_KEY, "0"));
		this.index.close();
		// commit() always writes the current format: write an old one the way an old version would have
		try (var directory = org.apache.lucene.store.FSDirectory.open(this.folder.resolve("index"));
				var writer = new org.apache.lucene.index.IndexWriter(directory,
						new org.apache.lucene.index.IndexWriterConfig())) {
			writer.setLiveCommitData(Map.of(SearchIndex.FORMAT_KEY, "0").entrySet());
			writer.commit();
		}
		this.index = SearchIndex.open(this.folder.resolve("index"), embedder.model());
		assertThat(this.index.wasCreated()).isTrue();
		assertThat(this.index.count()).isZero();
		assertThat(Files.exists(this.folder.resolve("index"))).isTrue();
	}

	@Test
	void anIndexWhoseVectorsComeFromAnotherModelIsCreatedAfreshSoThatEveryPaperIsEmbeddedAgain() {
		this.index.commit(Map.of());
		this.index.close();
		this.index = SearchIndex.open(this.folder.resolve("index"), embedder.model());
		assertThat(this.index.wasCreated()).isFalse();
		this.index.close();

		this.index = SearchIndex.open(this.folder.resolve("index"), "another-model");
		assertThat(this.index.wasCreated()).isTrue();
		assertThat(this.index.count()).isZero();
	}

	private SearchResult text(String query) {
		return this.searcher.search(SearchRequest.of(query, SearchRequest.Mode.TEXT), null);
	}

	private static IndexedPaper paper(String id, String title, String summary, List<String> authors,
			List<String> categories, String day, int upvotes) {
		return new IndexedPaper(id, title, summary, authors, categories, Instant.parse(day + "T12:00:00Z"), upvotes);
	}

}
