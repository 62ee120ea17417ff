package io.paperboy.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import io.paperboy.web.RequestsInFlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.StaticApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rebuild that shows its progress costs, on the embedded database: in turns, a rebuild of an
 * empty index (newest first, its first batch searchable at once, then a refresh every
 * {@link IndexRebuild#SHOW_EVERY}) and a rebuild that replaces an index that answers (one refresh, at
 * the end, as every rebuild did before), each {@code rebuild.rounds} times (2), with wall time, CPU
 * of the rebuilding thread (the embedded database works on it too) and of the whole JVM (Lucene
 * merges on threads of its own, and a refresh makes more small segments to merge) and when the first
 * papers were searchable. Not a test (its
 * name does not end in {@code Tests}); run it by name:
 * {@code ./mvnw -o -B verify -Dtest=RebuildMeasurement -Drebuild.papers=50000 -Drebuild.rounds=3 -Djacoco.skip=true}
 * (the figures in the output file of the test, under {@code target/surefire-reports}).
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class RebuildMeasurement {

	@Autowired
	private Embedder embedder;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SearchRepository repository;

	@TempDir
	Path folder;

	@Test
	void rebuildsInTurns() {
		int papers = Integer.getInteger("rebuild.papers", 20_000);
		List<Paper> batch = new ArrayList<>();
		for (int i = 1; i <= papers; i++) {
			batch.add(TestPapers.paper(String.format(Locale.ROOT, "2506.%06d", i))
				.withTitle("Paper " + i + " on " + WORDS[i % WORDS.length] + " and " + WORDS[(i * 7) % WORDS.length])
				.withSummary("We study " + WORDS[(i * 3) % WORDS.length] + " with " + WORDS[(i * 5) % WORDS.length]
						+ " and report results on " + WORDS[(i * 11) % WORDS.length] + " benchmarks.")
				.publishedAt(Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofMinutes(i)))
				.build());
			if (batch.size() == 5_000) {
				this.catalog.savePapers(batch, LocalDate.of(2025, 6, 2));
				batch.clear();
			}
		}
		this.catalog.savePapers(batch, LocalDate.of(2025, 6, 2));
		IndexSync sync = new IndexSync(
				new SearchProperties(null, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10), false,
						32, 1, 0),
				new IndexLocation(this.folder, this.folder.resolve("native")), this.embedder, this.catalog,
				this.repository, Clock.systemUTC(), new StaticApplicationContext(), new RequestsInFlight());
		sync.start();
		try {
			System.out.printf(Locale.ROOT, "%d papers, %d processors, load average %.2f%n", papers,
					Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			for (int round = 1; round <= Integer.getInteger("rebuild.rounds", 2); round++) {
				sync.index().clear();
				sync.index().refresh();
				sync.index().commit(Map.of());
				measure(sync, "empty index, newest first, shown as it goes", papers, true);
				measure(sync, "index that answers, replaced in one piece", papers, false);
			}
		}
		finally {
			sync.stop();
		}
	}

	private static void measure(IndexSync sync, String what, int papers, boolean shownAsItGoes) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long[] firstShown = { -1 };
		long processCpu = process.getProcessCpuTime();
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		int indexed = sync.rebuild((done) -> {
			if (shownAsItGoes && firstShown[0] < 0 && sync.index().count() > 0) {
				firstShown[0] = System.nanoTime() - start;
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
		double processMillis = (process.getProcessCpuTime() - processCpu) / 1e6;
		assertThat(indexed).isEqualTo(papers);
		assertThat(sync.index().count()).isEqualTo(papers);
		System.out.printf(Locale.ROOT,
				"%-45s %6.1f s, %6.0f papers/s, CPU a paper %.3f ms on its thread and %.3f ms in the JVM (merges too), first papers searchable after %s, load %.2f%n",
				what, seconds, papers / seconds, cpuMillis / papers, processMillis / papers,
				(firstShown[0] < 0) ? "the end" : String.format(Locale.ROOT, "%.2f s", firstShown[0] / 1e9),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static final String[] WORDS = { "transformers", "diffusion", "reinforcement learning", "retrieval",
			"agents", "speech", "vision", "graphs", "robotics", "quantization", "distillation", "alignment",
			"reasoning", "translation", "segmentation", "tokenizers", "scaling", "sparsity", "memory", "planning" };

}
