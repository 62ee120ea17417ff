package io.paperboy.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised to 8 bits, run by ONNX Runtime inside the process: 384 dimensions,
 * mean pooling, vectors normalised to length 1. The model and the tokenizer ship inside the jar;
 * nothing is downloaded. The model loads on first use (a second or two), so a process that never
 * embeds never pays for it.
 */
final class MiniLmEmbedder implements Embedder {

	static final String MODEL = "all-MiniLM-L6-v2-q";

	private final Executor executor;

	private volatile EmbeddingModel model;

	/**
	 * @param executor runs the texts of a batch in parallel
	 * @param nativeFolder where the tokenizer's native library is unpacked, unless {@code DJL_CACHE_DIR}
	 * says otherwise (its default is the home folder)
	 */
	MiniLmEmbedder(Executor executor, Path nativeFolder) {
		this.executor = executor;
		if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
			try {
				Files.createDirectories(nativeFolder);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
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
					loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(this.executor);
					this.model = loaded;
				}
			}
		}
		return loaded;
	}

}
