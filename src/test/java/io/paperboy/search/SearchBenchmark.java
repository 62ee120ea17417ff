package io.paperboy.search;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.paperboy.support.EmbeddedPostgresSupport;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The search benchmark's Java half, run by {@code bench/search.sh} from the test classpath (not a
 * test: its name does not end in {@code Tests}). It grows the real archive to {@code size} papers by
 * recombining real titles and abstracts, gives each a random unit vector (not an embedding:
 * embedding a million abstracts would take days on 2 cores), builds the index, and measures BM25, kNN
 * and hybrid latency (one client, then 8), kNN recall@10 against exact search, embedding throughput
 * against raw ONNX Runtime on the same batch, and PostgreSQL full-text search on the same corpus and
 * queries.
 * <p>
 * Usage: {@code SearchBenchmark WORK_DIR SIZE QUERIES ARCHIVE_DIR [INDEX_DIR]}: with {@code INDEX_DIR}, an
 * index an earlier run of the same size built (and kept), the build is skipped and the same corpus is
 * searched again; the corpus and the vectors are drawn from a fixed seed, so they are the same.
 */
public final class SearchBenchmark {

	private static final int DIMENSIONS = 384;

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Path.of(args[0]);
		int size = Integer.parseInt(args[1]);
		int queries = Integer.parseInt(args[2]);
		Path archive = Path.of(args[3]);
		Path prepared = (args.length > 4 && !args[4].isEmpty()) ? Path.of(args[4]) : null;
		List<IndexedPaper> real = RealArchive.hfDailyPapers(archive);
		print("machine", Runtime.getRuntime().availableProcessors() + " processors, Java "
				+ System.getProperty("java.version"));
		print("real papers", real.size());

		embedding(real);

		SplittableRandom random = new SplittableRandom(20261127);
		List<IndexedPaper> corpus = generate(real, size, random);
		float[][] vectors = new float[size][];
		for (int i = 0; i < size; i++) {
			vectors[i] = randomUnitVector(random);
		}
		print("papers", size);

		Path folder = (prepared != null) ? prepared : work.resolve("index");
		try (SearchIndex index = SearchIndex.open(folder, MiniLmEmbedder.MODEL)) {
			if (prepared == null) {
				build(index, corpus, vectors);
			}
			else {
				int indexed = index.search((searcher) -> searcher.getIndexReader().numDocs());
				if (indexed != size) {
					throw new IllegalArgumentException(
							"The index in " + prepared + " holds " + indexed + " papers, not " + size + ": build it with this size");
				}
				print("index", "kept from an earlier run (" + prepared + "), " + indexed + " papers");
			}
			print("index size MB", String.format(Locale.ROOT, "%.0f", index.sizeInBytes() / 1e6));

			PaperSearcher searcher = new PaperSearcher(index, PaperFields.analyzer());
			// known-item queries: the titles of papers drawn at random from the grown corpus
			int[] targets = new int[queries];
			String[] titles = new String[queries];
			float[][] queryVectors = new float[queries][];
			for (int q = 0; q < queries; q++) {
				targets[q] = random.nextInt(size);
				titles[q] = SearchQualityRealArchiveTests.cut(corpus.get(targets[q]).title());
				queryVectors[q] = randomUnitVector(random);
			}
			int[] found = new int[1];
			// as the API asks: no count past Lucene's, no facets
			IntFunction<Object> bm25 = (q) -> {
				List<String> ids = searcher.search(request(titles[q], SearchRequest.Mode.TEXT), null, false).ids();
				if (!ids.isEmpty() && ids.get(0).equals(corpus.get(targets[q]).id())) {
					synchronized (found) {
						found[0]++;
					}
				}
				return ids;
			};
			// as the search page asks: 20 cards, the count (exact up to PaperSearcher.COUNTED) and the facets
			IntFunction<Object> page = (q) -> searcher.search(request(titles[q], SearchRequest.Mode.TEXT).withLimit(20), null,
					true);
			IntFunction<Object> knn = (q) -> searcher.nearest(queryVectors[q], 10);
			IntFunction<Object> hybrid = (q) -> searcher.search(request(titles[q], SearchRequest.Mode.HYBRID),
					queryVectors[q], false);
			// warm-up: the JIT, and the index's files into the page cache
			for (int round = 0; round < 2; round++) {
				for (int q = 0; q < Math.min(queries, 300); q++) {
					bm25.apply(q);
					page.apply(q);
					knn.apply(q);
					hybrid.apply(q);
				}
			}
			found[0] = 0;
			latency("BM25", queries, bm25, 1);
			print("BM25 known-item top-1", String.format(Locale.ROOT, "%.1f%%", 100.0 * found[0] / queries));
			latency("BM25, page (count, facets)", queries, page, 1);
			latency("kNN", queries, knn, 1);
			latency("hybrid", queries, hybrid, 1);
			latency("BM25", queries, bm25, 8);
			latency("BM25, page (count, facets)", queries, page, 8);
			latency("kNN", queries, knn, 8);
			latency("hybrid", queries, hybrid, 8);
			recall(searcher, corpus, vectors, random);
		}

		postgres(corpus, queries, new SplittableRandom(20261127), size);
	}

	/** Indexes the corpus with its vectors in batches of 10,000 and prints the rate. */
	private static void build(SearchIndex index, List<IndexedPaper> corpus, float[][] vectors) {
		long start = System.nanoTime();
		int size = corpus.size();
		int batch = 10_000;
		for (int from = 0; from < size; from += batch) {
			int to = Math.min(size, from + batch);
			Map<String, float[]> batchVectors = new HashMap<>();
			for (int i = from; i < to; i++) {
				batchVectors.put(corpus.get(i).id(), vectors[i]);
			}
			index.add(corpus.subList(from, to), batchVectors);
			if ((from / batch) % 10 == 0) {
				System.err.printf(Locale.ROOT, "indexed %d in %.0f s%n", to, (System.nanoTime() - start) / 1e9);
			}
		}
		index.commit(Map.of());
		index.refresh();
		double seconds = (System.nanoTime() - start) / 1e9;
		print("index build s", String.format(Locale.ROOT, "%.1f", seconds));
		print("index build papers/s", String.format(Locale.ROOT, "%.0f", size / seconds));
	}

	private static SearchRequest request(String text, SearchRequest.Mode mode) {
		return new SearchRequest(SearchQuery.parse(text), mode, SearchRequest.Sort.RELEVANCE, null, null, null, null, 0,
				10);
	}

	/** Real titles and abstracts recombined: half of one title and half of another, sentences of several abstracts. */
	static List<IndexedPaper> generate(List<IndexedPaper> real, int size, SplittableRandom random) {
		List<IndexedPaper> corpus = new ArrayList<>(size);
		List<String[]> sentences = real.stream().map((paper) -> paper.summary().split("(?<=[.!?])\\s+")).toList();
		Instant first = Instant.parse("2020-01-01T00:00:00Z");
		for (int i = 0; i < size; i++) {
			IndexedPaper paper = real.get(random.nextInt(real.size()));
			String title;
			String summary;
			if (i < real.size()) {
				// the real archive itself comes first, unchanged
				paper = real.get(i);
				title = paper.title();
				summary = paper.summary();
			}
			else {
				String[] a = paper.title().split(" ");
				String[] b = real.get(random.nextInt(real.size())).title().split(" ");
				title = String.join(" ", Arrays.copyOfRange(a, 0, Math.max(1, a.length / 2))) + " "
						+ String.join(" ", Arrays.copyOfRange(b, b.length / 2, b.length));
				StringBuilder text = new StringBuilder();
				int count = 4 + random.nextInt(5);
				for (int s = 0; s < count; s++) {
					String[] from = sentences.get(random.nextInt(sentences.size()));
					text.append(from[random.nextInt(from.length)]).append(' ');
				}
				summary = text.toString().strip();
			}
			corpus.add(new IndexedPaper(String.format(Locale.ROOT, "b%07d", i), title, summary, paper.authors(),
					List.of(new String[] { "cs.CL", "cs.CV", "cs.LG", "cs.AI", "cs.RO" }[random.nextInt(5)]),
					first.plusSeconds(random.nextLong(6L * 365 * 86400)), random.nextInt(200)));
		}
		return corpus;
	}

	static float[] randomUnitVector(SplittableRandom random) {
		float[] vector = new float[DIMENSIONS];
		double norm = 0;
		for (int d = 0; d < DIMENSIONS; d++) {
			// Gaussian components make the direction uniform on the sphere
			double g = gaussian(random);
			vector[d] = (float) g;
			norm += g * g;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int d = 0; d < DIMENSIONS; d++) {
			vector[d] *= scale;
		}
		return vector;
	}

	private static double gaussian(SplittableRandom random) {
		double u = random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
	}

	/** Runs {@code count} queries from {@code clients} threads and prints p50 and p99 in ms. */
	private static void latency(String name, int count, IntFunction<Object> query, int clients) throws Exception {
		long[] nanos = new long[count];
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		List<Future<?>> done = new ArrayList<>();
		int[] next = { 0 };
		long wall = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			done.add(threads.submit(() -> {
				while (true) {
					int q;
					synchronized (next) {
						if (next[0] >= count) {
							return;
						}
						q = next[0]++;
					}
					long start = System.nanoTime();
					query.apply(q);
					nanos[q] = System.nanoTime() - start;
				}
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		double seconds = (System.nanoTime() - wall) / 1e9;
		threads.shutdown();
		Arrays.sort(nanos);
		print(String.format(Locale.ROOT, "%s %d client%s", name, clients, (clients == 1) ? "" : "s"),
				String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, %.0f queries/s", nanos[count / 2] / 1e6,
						nanos[(int) (count * 0.99)] / 1e6, count / seconds));
	}

	/** kNN recall@10: the share of the exact 10 nearest (brute force) that HNSW returns. */
	private static void recall(PaperSearcher searcher, List<IndexedPaper> corpus, float[][] vectors,
			SplittableRandom random) {
		int probes = 100;
		int hits = 0;
		for (int p = 0; p < probes; p++) {
			float[] query = randomUnitVector(random);
			PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
			for (int i = 0; i < vectors.length; i++) {
				double dot = 0;
				for (int d = 0; d < DIMENSIONS; d++) {
					dot += query[d] * vectors[i][d];
				}
				best.add(new double[] { dot, i });
				if (best.size() > 10) {
					best.poll();
				}
			}
			List<String> exact = best.stream().map((entry) -> corpus.get((int) entry[1]).id()).toList();
			List<String> approximate = searcher.nearest(query, 10);
			hits += (int) approximate.stream().filter(exact::contains).count();
		}
		print("kNN recall@10", String.format(Locale.ROOT, "%.3f", hits / (probes * 10.0)));
	}

	/**
	 * Embedding throughput: the same 256 real abstracts through our {@link Embedder} (langchain4j,
	 * one text per ONNX run) and through ONNX Runtime directly, in padded batches of 32.
	 */
	private static void embedding(List<IndexedPaper> real) throws Exception {
		List<String> texts = real.subList(0, 256).stream().map(IndexedPaper::embeddingText).toList();
		ExecutorService one = Executors.newSingleThreadExecutor();
		MiniLmEmbedder embedder = new MiniLmEmbedder(one, Files.createTempDirectory("djl"));
		embedder.embed(texts.subList(0, 32));
		long start = System.nanoTime();
		List<float[]> ours = embedder.embed(texts);
		double oursSeconds = (System.nanoTime() - start) / 1e9;
		one.shutdown();

		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		byte[] model;
		try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
			model = in.readAllBytes();
		}
		HuggingFaceTokenizer tokenizer;
		try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
			tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
		}
		try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions())) {
			rawBatch(environment, session, tokenizer, texts.subList(0, 32));
			start = System.nanoTime();
			List<float[]> raw = new ArrayList<>();
			for (int from = 0; from < texts.size(); from += 32) {
				raw.addAll(rawBatch(environment, session, tokenizer, texts.subList(from, Math.min(texts.size(), from + 32))));
			}
			double rawSeconds = (System.nanoTime() - start) / 1e9;
			double agreement = 0;
			for (int i = 0; i < texts.size(); i++) {
				double dot = 0;
				for (int d = 0; d < DIMENSIONS; d++) {
					dot += ours.get(i)[d] * raw.get(i)[d];
				}
				agreement += dot;
			}
			print("embedding, ours (langchain4j) abstracts/s", String.format(Locale.ROOT, "%.1f", texts.size() / oursSeconds));
			print("embedding, raw ONNX Runtime batches of 32 abstracts/s",
					String.format(Locale.ROOT, "%.1f", texts.size() / rawSeconds));
			print("embedding, ours / raw", String.format(Locale.ROOT, "%.0f%%", 100 * rawSeconds / oursSeconds));
			print("embedding, mean cosine ours vs raw", String.format(Locale.ROOT, "%.4f", agreement / texts.size()));
		}
	}

	private static List<float[]> rawBatch(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
			List<String> texts) throws Exception {
		List<Encoding> encodings = texts.stream().map(tokenizer::encode).toList();
		int length = encodings.stream().mapToInt((encoding) -> Math.min(512, encoding.getIds().length)).max().orElse(0);
		long[][] ids = new long[texts.size()][length];
		long[][] mask = new long[texts.size()][length];
		long[][] types = new long[texts.size()][length];
		for (int i = 0; i < texts.size(); i++) {
			long[] encoded = encodings.get(i).getIds();
			for (int t = 0; t < Math.min(length, encoded.length); t++) {
				ids[i][t] = encoded[t];
				mask[i][t] = 1;
			}
		}
		try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
				OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
				OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types);
				OrtSession.Result result = session
					.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
			float[][][] hidden = (float[][][]) result.get(0).getValue();
			List<float[]> vectors = new ArrayList<>();
			for (int i = 0; i < texts.size(); i++) {
				float[] pooled = new float[DIMENSIONS];
				int n = 0;
				for (int t = 0; t < length; t++) {
					if (mask[i][t] == 1) {
						n++;
						for (int d = 0; d < DIMENSIONS; d++) {
							pooled[d] += hidden[i][t][d];
						}
					}
				}
				double norm = 0;
				for (int d = 0; d < DIMENSIONS; d++) {
					pooled[d] /= n;
					norm += pooled[d] * pooled[d];
				}
				for (int d = 0; d < DIMENSIONS; d++) {
					pooled[d] /= (float) Math.sqrt(norm);
				}
				vectors.add(pooled);
			}
			return vectors;
		}
	}

	/** PostgreSQL full-text search on the same corpus and the same title queries. */
	private static void postgres(List<IndexedPaper> corpus, int queries, SplittableRandom random, int size)
			throws Exception {
		String url = EmbeddedPostgresSupport.freshDatabaseUrl();
		try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresSupport.username(), "")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create table papers (id text primary key, title text not null, abstract text not null,
						    document tsvector generated always as
						        (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', abstract), 'B')) stored)
						""");
			}
			long start = System.nanoTime();
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder rows = new StringBuilder();
			for (int i = 0; i < corpus.size(); i++) {
				IndexedPaper paper = corpus.get(i);
				rows.append(paper.id()).append('\t').append(escape(paper.title())).append('\t')
					.append(escape(paper.summary())).append('\n');
				if (rows.length() > 8_000_000 || i == corpus.size() - 1) {
					copy.copyIn("copy papers (id, title, abstract) from stdin",
							new java.io.StringReader(rows.toString()));
					rows.setLength(0);
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("create index papers_document on papers using gin (document)");
				statement.execute("vacuum analyze papers");
			}
			print("PostgreSQL load + GIN index s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
			// the same queries as BM25: same seed, same draws
			int[] targets = new int[queries];
			String[] titles = new String[queries];
			for (int q = 0; q < queries; q++) {
				targets[q] = random.nextInt(size);
				titles[q] = SearchQualityRealArchiveTests.cut(corpus.get(targets[q]).title());
				randomUnitVector(random);
			}
			// ranking every match is slow in PostgreSQL (seconds a query at a million papers): a sample of the
			// same queries, smaller as the corpus grows, keeps the run short
			int sample = Math.min(queries, Math.max(30, (int) (30_000_000L / size)));
			// any of the words, as our BM25 matches them
			peer(connection, "PostgreSQL ts_rank, any word (|)", """
					select id from papers, to_tsquery('english', ?) query
					where document @@ query order by ts_rank(document, query) desc limit 10
					""", titles, targets, corpus, sample, true);
			// every word, as PostgreSQL's web search syntax does
			peer(connection, "PostgreSQL ts_rank, every word (websearch)", """
					select id from papers, websearch_to_tsquery('english', ?) query
					where document @@ query order by ts_rank(document, query) desc limit 10
					""", titles, targets, corpus, sample, false);
		}
	}

	private static void peer(Connection connection, String name, String sql, String[] titles, int[] targets,
			List<IndexedPaper> corpus, int sample, boolean any) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int q = 0; q < Math.min(sample, 30); q++) {
				run(statement, any ? orQuery(titles[q]) : titles[q]);
			}
			long[] nanos = new long[sample];
			int found = 0;
			for (int q = 0; q < sample; q++) {
				long t = System.nanoTime();
				List<String> ids = run(statement, any ? orQuery(titles[q]) : titles[q]);
				nanos[q] = System.nanoTime() - t;
				if (!ids.isEmpty() && ids.get(0).equals(corpus.get(targets[q]).id())) {
					found++;
				}
			}
			Arrays.sort(nanos);
			print(name + ", " + sample + " queries", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, top-1 %.1f%%",
					nanos[sample / 2] / 1e6, nanos[(int) (sample * 0.99)] / 1e6, 100.0 * found / sample));
		}
	}

	private static List<String> run(PreparedStatement statement, String query) throws Exception {
		statement.setString(1, query);
		List<String> ids = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

	/** The title's words as a tsquery that matches any of them. */
	private static String orQuery(String title) {
		String[] words = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
		return String.join(" | ", Arrays.stream(words).filter((word) -> !word.isEmpty()).toList());
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
	}

	private static void print(String name, Object value) {
		System.out.printf(Locale.ROOT, "%-55s %s%n", name, value);
	}

}
