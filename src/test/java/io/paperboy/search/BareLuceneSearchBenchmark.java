package io.paperboy.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference of the HTTP search benchmark ({@code bench/search.sh http}), run from the test
 * classpath (not a test: its name does not end in {@code Tests}): a bare Lucene {@link IndexSearcher}
 * over a copy of the server's index, opened read-only, answering the benchmark's queries with 1 and
 * 8 threads. Each query is parsed as the server parses it ({@link SearchQuery}, then
 * {@link QueryCompiler} over {@link PaperFields#analyzer()}), so both sides run the same Lucene
 * query; what the reference leaves out is everything else a request does (HTTP, the database, marking
 * words, JSON or HTML).
 * <p>
 * Measures, each over {@code ROUNDS} passes of the query list: words, top 20 (the page) and top 50
 * (the API); the Lucene work of the default mode (words top 100 and the 100 nearest vectors, the
 * query vectors embedded beforehand); and embedding the queries alone, the cost the default mode
 * adds before Lucene is asked.
 * <p>
 * Usage: {@code BareLuceneSearchBenchmark INDEX_COPY QUERIES_FILE ROUNDS [NATIVE_DIR]}.
 */
public final class BareLuceneSearchBenchmark {

	private BareLuceneSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]);
		List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter((line) -> !line.isBlank()).toList();
		int rounds = Integer.parseInt(args[2]);
		Path nativeFolder = (args.length > 3) ? Path.of(args[3]) : folder.resolveSibling("native");
		Analyzer analyzer = PaperFields.analyzer();
		QueryCompiler compiler = new QueryCompiler(analyzer);
		try (FSDirectory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			searcher.setSimilarity(new BM25Similarity());
			System.out.printf(Locale.ROOT, "reference index: %d papers, %d queries, %d rounds%n", reader.numDocs(),
					queries.size(), rounds);
			for (int threads : new int[] { 1, 8 }) {
				// the first pass of each also warms up: the JIT, the index's files into the page cache
				measure(queries, rounds, threads, (q) -> searcher.search(compile(compiler, q), 20));
				print("words, top 20", threads,
						measure(queries, rounds, threads, (q) -> searcher.search(compile(compiler, q), 20)));
				print("words, top 50", threads,
						measure(queries, rounds, threads, (q) -> searcher.search(compile(compiler, q), 50)));
			}
			MiniLmEmbedder embedder = new MiniLmEmbedder(Runnable::run, nativeFolder);
			float[][] vectors = new float[queries.size()][];
			for (int i = 0; i < queries.size(); i++) {
				vectors[i] = embedder.embed(List.of(SearchQuery.parse(queries.get(i)).positiveText())).get(0);
			}
			List<String> indexed = new ArrayList<>();
			for (int i = 0; i < queries.size(); i++) {
				indexed.add(Integer.toString(i));
			}
			for (int threads : new int[] { 1, 8 }) {
				QueryTask hybrid = (q) -> {
					int i = Integer.parseInt(q);
					Query words = compile(compiler, queries.get(i));
					if (words != null) {
						searcher.search(words, PaperSearcher.CANDIDATES);
					}
					searcher.search(new KnnFloatVectorQuery(PaperFields.VECTOR, vectors[i], PaperSearcher.KNN_CANDIDATES),
							PaperSearcher.CANDIDATES);
				};
				measure(indexed, rounds, threads, hybrid);
				print("words top 100 + kNN 100 (default mode's Lucene part)", threads,
						measure(indexed, rounds, threads, hybrid));
			}
			for (int threads : new int[] { 1, 8 }) {
				QueryTask embed = (q) -> embedder.embed(List.of(SearchQuery.parse(q).positiveText()));
				print("embedding the query alone", threads, measure(queries, 1, threads, embed));
			}
		}
	}

	private static Query compile(QueryCompiler compiler, String text) {
		return compiler.compile(SearchQuery.parse(text));
	}

	/** One query's work. */
	@FunctionalInterface
	interface QueryTask {

		void run(String query) throws Exception;

	}

	/** Runs each query {@code rounds} times, spread over {@code threads}, and times each. */
	static Measured measure(List<String> queries, int rounds, int threads, QueryTask task) throws Exception {
		int count = queries.size() * rounds;
		long[] nanos = new long[count];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			long wall = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long start = System.nanoTime();
						task.run(queries.get(i % queries.size()));
						nanos[i] = System.nanoTime() - start;
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
			double seconds = (System.nanoTime() - wall) / 1e9;
			Arrays.sort(nanos);
			return new Measured(count / seconds, nanos[count / 2] / 1e6, nanos[Math.min(count - 1, (int) (count * 0.99))] / 1e6);
		}
		finally {
			pool.shutdown();
		}
	}

	private static void print(String what, int threads, Measured measured) {
		System.out.printf(Locale.ROOT, "reference %s, %d thread%s: %.0f queries/s, p50 %.2f ms, p99 %.2f ms%n", what,
				threads, (threads == 1) ? "" : "s", measured.perSecond(), measured.p50(), measured.p99());
	}

	/** Throughput and latency of a measurement. */
	record Measured(double perSecond, double p50, double p99) {
	}

}
