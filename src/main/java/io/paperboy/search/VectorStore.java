package io.paperboy.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;

/**
 * Stores the vectors the {@link EmbeddingQueue} computed, on the {@link WriterThread} when there is
 * one (in the server) and on the caller's thread otherwise ({@code reindex}). Embedding takes long,
 * so a paper may change meanwhile: it keeps no vector, and the queue embeds its new text.
 */
final class VectorStore {

	private final OpenedIndex index;

	private final Catalog catalog;

	private final WriterThread writer;

	VectorStore(OpenedIndex index, Catalog catalog, WriterThread writer) {
		this.index = index;
		this.catalog = catalog;
		this.writer = writer;
	}

	/**
	 * Stores these vectors of these papers, except for papers changed or gone since {@code papers}
	 * were read, and makes them visible.
	 */
	void store(List<IndexedPaper> papers, List<float[]> vectors) {
		Callable<Void> store = () -> {
			write(papers, vectors);
			return null;
		};
		if (this.writer.isStarted()) {
			this.writer.call(store);
		}
		else {
			write(papers, vectors);
		}
	}

	private void write(List<IndexedPaper> papers, List<float[]> vectors) {
		Map<String, Paper> current = this.catalog.findPapers(papers.stream().map(IndexedPaper::id).toList());
		SearchIndex opened = this.index.get();
		String model = opened.model();
		for (int i = 0; i < papers.size(); i++) {
			Paper now = current.get(papers.get(i).id());
			if (now == null) {
				continue;
			}
			IndexedPaper fresh = IndexedPaper.of(now);
			if (fresh.embeddingKey(model).equals(papers.get(i).embeddingKey(model))) {
				opened.upsert(fresh, vectors.get(i));
			}
		}
		opened.refresh();
	}

}
