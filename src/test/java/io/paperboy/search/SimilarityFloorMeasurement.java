package io.paperboy.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the similarity floor of search by meaning ({@link PaperSearcher#SIMILARITY_FLOOR}) was chosen:
 * embeds every paper of the real archive with the production model, then prints, for nonsense or
 * off-topic queries and for real topics, the cosine similarity of the nearest paper, of the 10th and
 * of the 100th, and how many papers each floor would keep. Not a test (its name does not end in
 * {@code Tests}): it takes minutes. Run from the test classpath, as {@code bench/search.sh} runs
 * {@code SearchBenchmark}:
 * {@code java -cp CLASSPATH io.paperboy.search.SimilarityFloorMeasurement ../shared/data/hf-daily-papers}.
 */
public final class SimilarityFloorMeasurement {

	static final List<String> NONSENSE = List.of("xyzzyplugh", "qwertyuiop", "asdfghjkl zxcvbnm",
			"lorem ipsum dolor sit amet", "foo bar baz", "blorft snizzle", "aaaaaaa", "hinton", "Yejin Choi",
			"banana bread recipe", "football world cup results", "cheap flights to paris", "how to knit a scarf",
			"taylor swift tour dates", "plumbing repair near me", "zzz", "kjhgf poiuy", "the", "weather tomorrow",
			"best pizza in naples", "my cat sleeps all day", "stock price of apple");

	static final List<String> REAL = List.of("reward tampering", "reward hacking in reinforcement learning",
			"diffusion models for video generation", "retrieval augmented generation", "mixture of experts",
			"speculative decoding", "vision language models", "long context language models", "text to speech",
			"protein structure prediction", "code generation benchmark", "chain of thought reasoning",
			"model quantization", "3d gaussian splatting", "robot manipulation policy",
			"hallucination in large language models", "preference optimization DPO", "image editing with diffusion",
			"multilingual machine translation", "math reasoning", "agents that use tools", "state space models mamba",
			"knowledge distillation", "jailbreak attacks on LLMs", "scaling laws", "music generation",
			"medical image segmentation", "tokenizer", "efficient attention", "video understanding benchmark",
			"transformer", "weather forecasting", "autonomous driving", "GUI agents",
			"sparse autoencoders interpretability");

	private SimilarityFloorMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		List<IndexedPaper> papers = RealArchive.hfDailyPapers(Path.of(args[0]));
		ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		MiniLmEmbedder embedder = new MiniLmEmbedder(threads, Files.createTempDirectory("natives"));
		long start = System.nanoTime();
		List<float[]> vectors = embedder.embed(papers.stream().map(IndexedPaper::embeddingText).toList());
		System.out.printf(Locale.ROOT, "embedded %d papers in %.1f s%n", papers.size(), (System.nanoTime() - start) / 1e9);
		report("nonsense", NONSENSE, embedder, vectors);
		report("real", REAL, embedder, vectors);
		threads.shutdown();
	}

	private static void report(String kind, List<String> queries, MiniLmEmbedder embedder, List<float[]> papers) {
		List<float[]> embedded = embedder.embed(queries);
		for (int i = 0; i < queries.size(); i++) {
			float[] similarities = new float[papers.size()];
			for (int p = 0; p < papers.size(); p++) {
				float dot = 0;
				for (int d = 0; d < embedder.dimensions(); d++) {
					dot += embedded.get(i)[d] * papers.get(p)[d];
				}
				similarities[p] = dot;
			}
			Arrays.sort(similarities);
			int n = similarities.length;
			StringBuilder kept = new StringBuilder();
			for (double floor : new double[] { 0.30, 0.35, 0.40, 0.45 }) {
				long count = 0;
				for (float similarity : similarities) {
					count += (similarity >= floor) ? 1 : 0;
				}
				kept.append(String.format(Locale.ROOT, " >=%.2f %d", floor, count));
			}
			System.out.printf(Locale.ROOT, "%s | %-40s top1 %.3f 10th %.3f 100th %.3f |%s%n", kind, queries.get(i),
					similarities[n - 1], similarities[n - 10], similarities[n - 100], kept);
		}
	}

}
