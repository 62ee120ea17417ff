package io.paperboy.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import io.paperboy.web.RequestsInFlight;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search index built from scratch while the server runs: the newest papers are searchable within
 * the first batch, the rest appear as the rebuild goes, the status says how far it has come, and a
 * rebuild cut short by a shutdown loses nothing. A {@code reindex} of a healthy index never makes
 * search worse mid-way. Each rebuild is held at its first batch by a latch, on the writer thread.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class BuildingTheIndexTests {

	/** Papers the embedding queue takes at a time in these tests. */
	private static final int EMBEDDING_BATCH = 32;

	/** Four batches: the first is held, the others follow. */
	private static final int NEW_STYLE = 1_990;

	private static final int OLD_STYLE = 10;

	private static final int PAPERS = NEW_STYLE + OLD_STYLE;

	@Autowired
	private Embedder embedder;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SearchRepository repository;

	@TempDir
	Path folder;

	private final CountDownLatch held = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<IndexSync> started = new ArrayList<>();

	@BeforeEach
	void papersFromTheNinetiesToToday() {
		List<Paper> papers = new ArrayList<>();
		// old-style ids sort after every new-style one, but are the oldest papers
		for (int i = 1; i <= OLD_STYLE; i++) {
			papers.add(TestPapers.paper(String.format(Locale.ROOT, "hep-th/99010%02d", i))
				.publishedAt(Instant.parse("1999-01-01T00:00:00Z").plus(Duration.ofDays(i)))
				.build());
		}
		for (int i = 1; i <= NEW_STYLE; i++) {
			papers.add(TestPapers.paper(newStyle(i))
				.publishedAt(Instant.parse("2025-06-01T00:00:00Z").plus(Duration.ofMinutes(i)))
				.build());
		}
		this.catalog.savePapers(papers, LocalDate.of(2025, 6, 2));
	}

	@AfterEach
	void stopEverySync() {
		this.release.countDown();
		this.started.forEach(IndexSync::stop);
	}

	@Test
	void aRebuildAtStartMakesTheNewestPapersSearchableFirstAndTheOthersAsItGoes() throws Exception {
		IndexSync sync = server(embeddings(false));
		sync.watchRebuild(holdAtFirstBatch());
		start(sync);
		assertThat(this.held.await(60, TimeUnit.SECONDS)).as("the rebuild reached its first batch").isTrue();

		assertThat(found(sync, newStyle(NEW_STYLE))).as("the newest paper").isTrue();
		assertThat(found(sync, newStyle(NEW_STYLE - ChangeBatches.BATCH + 1))).as("the 500th newest").isTrue();
		assertThat(found(sync, newStyle(NEW_STYLE - ChangeBatches.BATCH))).as("the 501st newest").isFalse();
		assertThat(found(sync, "hep-th/9901001")).as("the oldest, with the highest id").isFalse();
		assertThat(sync.isRebuilding()).isTrue();
		SearchStatus status = sync.status();
		assertThat(status.papersIndexed()).isEqualTo(ChangeBatches.BATCH);
		assertThat(status.rebuild()).isEqualTo(new RebuildProgress(ChangeBatches.BATCH, PAPERS, true));
		assertThat(status.rebuild().notice()).isEqualTo(
				"Building the search index: 500 of 2,000 papers, newest first; older papers will appear as it goes.");
		assertThat(status.rebuild().percent()).isEqualTo(25);
		assertThat(sync.embeddingWaits()).as("the queue embeds the papers already shown").isFalse();

		this.release.countDown();
		awaitRebuilt(sync);

		assertThat(sync.index().count()).isEqualTo(PAPERS);
		assertThat(found(sync, "hep-th/9901001")).isTrue();
		assertThat(found(sync, newStyle(1))).isTrue();
		assertThat(sync.status().rebuild()).as("no notice once it ends").isNull();
		assertThat(sync.index().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				this.repository.lastUpdate().orElseThrow().toString());
	}

	@Test
	void aRebuildStoppedByAShutdownMidwayLosesNothingAtTheNextStart() throws Exception {
		IndexSync sync = server(embeddings(false));
		sync.watchRebuild(holdAtFirstBatch());
		start(sync);
		assertThat(this.held.await(60, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(sync::stop);
		await("the shutdown to begin").atMost(Duration.ofSeconds(30)).until(() -> !sync.isRunning());
		this.release.countDown();
		stopping.get(30, TimeUnit.SECONDS);

		try (SearchIndex left = SearchIndex.open(this.folder, this.embedder.model())) {
			assertThat(left.wasCreated()).as("the first batch was committed, in the current format").isFalse();
			assertThat(left.count()).isEqualTo(ChangeBatches.BATCH);
			assertThat(left.committedData()).containsEntry(CatchUp.CAUGHT_UP_TO, Instant.EPOCH.toString());
		}

		IndexSync restarted = server(embeddings(false));
		start(restarted);
		assertThat(restarted.isRebuilding()).as("built again, newest first, rather than caught up unseen").isTrue();
		awaitRebuilt(restarted);

		assertThat(restarted.index().count()).isEqualTo(PAPERS);
		assertThat(restarted.index().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				this.repository.lastUpdate().orElseThrow().toString());
		assertThat(found(restarted, "hep-th/9901001")).isTrue();
		assertThat(found(restarted, newStyle(1))).isTrue();
	}

	@Test
	void reindexOfAHealthyIndexKeepsAnsweringFromItUntilTheEnd() throws Exception {
		IndexSync sync = new IndexSync(embeddings(false), location(), this.embedder, this.catalog, this.repository,
				Clock.systemUTC(), new StaticApplicationContext(), new RequestsInFlight());
		start(sync);
		sync.rebuild((done) -> {
		});
		assertThat(sync.index().count()).isEqualTo(PAPERS);

		CompletableFuture<Integer> reindex = CompletableFuture.supplyAsync(() -> sync.rebuild(holdAtFirstBatch()));
		assertThat(this.held.await(60, TimeUnit.SECONDS)).isTrue();

		assertThat(sync.index().count()).as("the index as it was").isEqualTo(PAPERS);
		assertThat(found(sync, "hep-th/9901001")).isTrue();
		assertThat(found(sync, newStyle(NEW_STYLE))).isTrue();
		assertThat(sync.status().rebuild()).isEqualTo(new RebuildProgress(ChangeBatches.BATCH, PAPERS, false));
		assertThat(sync.status().rebuild().notice()).startsWith("Rebuilding the search index: 500 of 2,000 papers written;");
		assertThat(sync.embeddingWaits()).as("vectors stored now would be lost").isTrue();

		this.release.countDown();

		assertThat(reindex.get(60, TimeUnit.SECONDS)).isEqualTo(PAPERS);
		assertThat(sync.index().count()).isEqualTo(PAPERS);
		assertThat(sync.status().rebuild()).isNull();
		assertThat(sync.embeddingWaits()).isFalse();
	}

	@Test
	void theEmbeddingQueueEmbedsTheNewestPapersBetweenTheBatchesOfARebuildAtStart() throws Exception {
		// the queue embeds a batch's papers one by one and stores their vectors once it has them all
		CountDownLatch embedded = new CountDownLatch(EMBEDDING_BATCH);
		Embedder watched = new Embedder() {
			@Override
			public String model() {
				return BuildingTheIndexTests.this.embedder.model();
			}

			@Override
			public int dimensions() {
				return BuildingTheIndexTests.this.embedder.dimensions();
			}

			@Override
			public List<float[]> embed(List<String> texts) {
				List<float[]> vectors = BuildingTheIndexTests.this.embedder.embed(texts);
				texts.forEach((text) -> embedded.countDown());
				return vectors;
			}
		};
		AtomicInteger embeddedBeforeTheEnd = new AtomicInteger();
		IndexSync sync = new IndexSync(embeddings(true), location(), watched, this.catalog, this.repository,
				Clock.systemUTC(), new GenericWebApplicationContext(), new RequestsInFlight());
		sync.watchRebuild((done) -> {
			try {
				if (done == ChangeBatches.BATCH) {
					// the queue has embedded its first batch from the 500 papers shown; its vectors are stored
					// on this thread between two of the batches that follow
					embedded.await(60, TimeUnit.SECONDS);
				}
				else if (done == PAPERS) {
					embeddedBeforeTheEnd.set(sync.index().countEmbedded());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		start(sync);
		awaitRebuilt(sync);

		assertThat(embedded.getCount()).isZero();
		assertThat(embeddedBeforeTheEnd.get()).as("papers embedded before the rebuild's last batch").isPositive();
		assertThat(sync.index().count()).isEqualTo(PAPERS);
		List<String> embeddedIds = sync.index().search((searcher) -> SearchIndex.ids(searcher,
				searcher.search(new TermQuery(new Term(PaperFields.EMBEDDED, "yes")), PAPERS).scoreDocs));
		assertThat(embeddedIds).as("newest first, as the queue takes them").contains(newStyle(NEW_STYLE));
	}

	/** Holds a rebuild after its first batch, on its thread, until the test releases it. */
	private IntConsumer holdAtFirstBatch() {
		return (done) -> {
			if (done != ChangeBatches.BATCH) {
				return;
			}
			this.held.countDown();
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	private IndexSync server(SearchProperties properties) {
		return new IndexSync(properties, location(), this.embedder, this.catalog, this.repository, Clock.systemUTC(),
				new GenericWebApplicationContext(), new RequestsInFlight());
	}

	private void start(IndexSync sync) {
		this.started.add(sync);
		sync.start();
	}

	private IndexLocation location() {
		return new IndexLocation(this.folder, this.folder.resolve("native"));
	}

	private static SearchProperties embeddings(boolean on) {
		return new SearchProperties(null, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10), on,
				EMBEDDING_BATCH, 1, 0);
	}

	private static void awaitRebuilt(IndexSync sync) {
		await("the rebuild to end").atMost(Duration.ofSeconds(120)).until(() -> !sync.isRebuilding());
	}

	private static boolean found(IndexSync sync, String id) {
		return sync.index().search((searcher) -> searcher.count(new TermQuery(new Term(PaperFields.ID, id)))) == 1;
	}

	private static String newStyle(int i) {
		return String.format(Locale.ROOT, "2506.%05d", i);
	}

}
