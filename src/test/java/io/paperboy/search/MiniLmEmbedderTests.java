package io.paperboy.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production model: the same vectors as langchain4j's own session of the same model, and no
 * thread of ONNX Runtime's besides the one that embeds. Threads that native code starts take the name
 * of the thread that started them (Linux's {@code comm}), so a session's pool shows up as more tasks
 * of the process under the name of the thread that loaded the model.
 */
class MiniLmEmbedderTests {

	private static final List<String> TEXTS = List.of("Attention is all you need",
			"Diffusion models beat GANs on image synthesis. We show that diffusion models can achieve image "
					+ "sample quality superior to the current state-of-the-art generative models.",
			"Über die Grenzen großer Sprachmodelle: ein Überblick");

	private final ExecutorService pool = Executors.newSingleThreadExecutor();

	@TempDir
	Path folder;

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void embedsAsLangchain4jsOwnSessionOfTheSameModelDoes() {
		List<float[]> ours = new MiniLmEmbedder(this.pool, this.folder).embed(TEXTS);
		List<float[]> theirs = new AllMiniLmL6V2QuantizedEmbeddingModel(this.pool)
			.embedAll(TEXTS.stream().map(TextSegment::from).toList())
			.content()
			.stream()
			.map((embedding) -> embedding.vector())
			.toList();

		assertThat(ours).hasSize(TEXTS.size());
		for (int i = 0; i < TEXTS.size(); i++) {
			assertThat(ours.get(i)).hasSize(384).containsExactly(theirs.get(i), offset(1e-5f));
		}
	}

	@Test
	void theModelRunsOnTheEmbeddingThreadAlone() throws Exception {
		assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && Files.isDirectory(Path.of("/proc/self/task")),
				"a session's own pool shows only on Linux with two cores or more");

		long ours = tasksNamedAfter("pb-probe-ours", () -> new MiniLmEmbedder(this.pool, this.folder).embed(TEXTS));
		long withAPool = tasksNamedAfter("pb-probe-lib", MiniLmEmbedderTests::sessionWithAPool);

		assertThat(ours).isEqualTo(1);
		// the check can fail: a session with a pool of its own shows beside the loading thread
		assertThat(withAPool).isGreaterThan(1);
	}

	/**
	 * A session of the same model with a pool of two threads, as ONNX Runtime's defaults give where
	 * it finds two physical cores (on a machine where it finds one, its default is no pool at all).
	 * Made here: langchain4j's model class makes its session once a process, on whichever thread
	 * first used it, perhaps another test's.
	 */
	private static OrtSession sessionWithAPool() {
		try (InputStream model = MiniLmEmbedder.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q.onnx");
				OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(2);
			return OrtEnvironment.getEnvironment().createSession(model.readAllBytes(), options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Loads and runs a model on a thread of that name, and counts the tasks of the process so named
	 * (before closing what the work made, when it can be closed).
	 */
	private static long tasksNamedAfter(String name, Supplier<?> work) throws Exception {
		AtomicLong count = new AtomicLong();
		Thread thread = new Thread(() -> {
			Object made = work.get();
			count.set(tasksNamed(name));
			if (made instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}, name);
		thread.start();
		thread.join(120_000);
		return count.get();
	}

	private static long tasksNamed(String name) {
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			return tasks.filter((task) -> {
				try {
					return Files.readString(task.resolve("comm")).strip().equals(name);
				}
				catch (IOException ex) {
					// a task that ended meanwhile
					return false;
				}
			}).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
