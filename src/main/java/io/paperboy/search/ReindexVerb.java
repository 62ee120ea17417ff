package io.paperboy.search;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import io.paperboy.cli.Verb;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.stereotype.Component;

/**
 * {@code reindex}: rebuilds the search index from the database, then embeds the papers that have no
 * vector yet (vectors of papers whose text has not changed are kept). {@code reindex text-only}
 * leaves the embedding to the server's background queue.
 */
@Component
class ReindexVerb implements Verb {

	private final IndexSync sync;

	private final Embedder embedder;

	private final Catalog catalog;

	private final SearchProperties properties;

	ReindexVerb(IndexSync sync, Embedder embedder, Catalog catalog, SearchProperties properties) {
		this.sync = sync;
		this.embedder = embedder;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Override
	public List<String> name() {
		return List.of("reindex");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		boolean textOnly = operands.equals(List.of("text-only"));
		if (!operands.isEmpty() && !textOnly) {
			err.println("Usage: reindex [text-only]");
			return 2;
		}
		SearchIndex index;
		try {
			index = this.sync.index();
		}
		catch (IndexInUseException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		long start = System.nanoTime();
		long papers = this.sync.papersInDatabase();
		int indexed = withProgress("Indexing", papers, " papers", (step) -> this.sync.rebuild(step));
		out.printf(Locale.ROOT, "Papers indexed:   %d in %.1f s%n", indexed, (System.nanoTime() - start) / 1e9);
		if (!textOnly && this.properties.embeddings()) {
			long embedStart = System.nanoTime();
			int missing = index.count() - index.countEmbedded();
			int embedded = withProgress("Embedding", missing, " papers", (step) -> {
				int done = 0;
				int batch;
				while ((batch = EmbeddingQueue.embedNext(this.sync, this.embedder, this.catalog,
						this.properties.embeddingBatchSize())) > 0) {
					done += batch;
					step.accept(done);
				}
				return done;
			});
			double seconds = (System.nanoTime() - embedStart) / 1e9;
			out.printf(Locale.ROOT, "Papers embedded:  %d in %.1f s (%.0f papers/s); %d kept their vectors%n", embedded,
					seconds, (seconds > 0) ? embedded / seconds : 0, index.countEmbedded() - embedded);
		}
		index.commit(java.util.Map.of());
		out.printf(Locale.ROOT, "Index:            %s, %.1f MB%n", this.sync.location().folder(),
				index.sizeInBytes() / 1e6);
		return 0;
	}

	/** Runs a task that reports how many items it has done, with a progress bar on a terminal. */
	private static int withProgress(String task, long total, String unit, Task work) {
		if (System.console() == null) {
			return work.run((done) -> {
			});
		}
		try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task)
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUnit(unit, 1)
			.showSpeed()
			.build()) {
			return work.run(bar::stepTo);
		}
	}

	/** Work that reports progress. */
	@FunctionalInterface
	private interface Task {

		int run(IntConsumer progress);

	}

}
