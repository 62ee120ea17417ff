package io.paperboy.search;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index's location and the embedding model. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	IndexLocation indexLocation(SearchProperties properties, @Value("${paperboy.data-dir}") Path dataDir) {
		Path folder = (properties.indexDir() != null) ? properties.indexDir() : dataDir.resolve("index");
		return new IndexLocation(folder.toAbsolutePath().normalize(), dataDir.resolve("native").toAbsolutePath());
	}

	/**
	 * The threads that embed the texts of a list of several, {@code reindex}'s batches; the server's
	 * embedding queue embeds one text at a time on its own threads and starts none of these.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService embeddingExecutor(SearchProperties properties) {
		return Executors.newFixedThreadPool(Math.max(1, properties.embeddingThreads()), (task) -> {
			Thread thread = new Thread(task, "paperboy-embedder");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	Embedder embedder(ExecutorService embeddingExecutor, IndexLocation location) {
		return new MiniLmEmbedder(embeddingExecutor, location.nativeFolder());
	}

}
