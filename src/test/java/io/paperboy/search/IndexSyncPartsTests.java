package io.paperboy.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The pieces that keep the index in step with the database, each on its own and on this thread (as
 * in {@code reindex}): change batches, catch-up from {@code papers.updated_at} and a rebuild.
 */
@StorageTest
class IndexSyncPartsTests {

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	@Autowired
	private Embedder embedder;

	@Autowired
	private Catalog catalog;

	@Autowired
	private SearchRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private MutableClock clock;

	@TempDir
	Path folder;

	private OpenedIndex index;

	@BeforeEach
	void emptyCatalogAndIndex() {
		CatalogTables.empty(this.jdbc, this.events);
		this.index = new OpenedIndex(new IndexLocation(this.folder, this.folder.resolve("native")), this.embedder);
	}

	@AfterEach
	void closeIndex() {
		this.index.close();
	}

	@Test
	void catchUpIndexesPapersChangedElsewhereAndCommitsHowFarItGot() {
		ChangeBatches batches = batches(Duration.ofDays(1));
		CatchUp catchUp = catchUp(batches);
		save("2506.00001");

		catchUp.run();

		assertThat(this.index.get().count()).isEqualTo(1);
		assertThat(this.index.get().hasUncommittedChanges()).isFalse();
		assertThat(this.index.get().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				this.repository.lastUpdate().orElseThrow().toString());

		this.clock.advance(Duration.ofMinutes(1));
		save("2506.00002");
		catchUp.run();

		assertThat(this.index.get().count()).isEqualTo(2);
		assertThat(this.index.get().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				MutableClock.Configuration.START.plus(Duration.ofMinutes(1)).toString());
	}

	@Test
	void papersWrittenAtOneTimeAreAllCaughtUpAlthoughTheyFillSeveralPages() {
		// an import writes a batch of papers with one time; catch-up reads them in pages of BATCH
		int written = 2 * ChangeBatches.BATCH + 1;
		for (int i = 1; i <= written; i++) {
			save(String.format(Locale.ROOT, "2506.%05d", i));
		}
		CatchUp catchUp = catchUp(batches(Duration.ofDays(1)));

		catchUp.run();

		assertThat(this.index.get().count()).isEqualTo(written);
		assertThat(this.index.get().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				MutableClock.Configuration.START.toString());
	}

	@Test
	void aPaperCommittedLateWithAnEarlierTimeIsCaughtUp() {
		CatchUp catchUp = catchUp(batches(Duration.ofDays(1)));
		save("2506.00001");
		catchUp.run();
		assertThat(this.index.get().count()).isEqualTo(1);

		// another process took its time 20 s ago and commits only now, behind the mark
		this.clock.set(MutableClock.Configuration.START.minusSeconds(20));
		save("2506.00002");
		this.clock.set(MutableClock.Configuration.START.plusSeconds(5));
		catchUp.run();

		assertThat(this.index.get().count()).isEqualTo(2);
		assertThat(this.index.get().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO,
				MutableClock.Configuration.START.toString());
	}

	@Test
	void catchUpLooksBackOnlyOverTheSettlingTimeAndWritesAPaperOnceThere() {
		CatchUp catchUp = catchUp(batches(Duration.ofDays(1)));
		save("2506.00001");
		catchUp.run();
		// taken out of the index behind catch-up's back, to see whether it is written again
		this.index.get().delete(List.of("2506.00001"));
		this.index.get().refresh();

		this.clock.advance(Duration.ofSeconds(10));
		catchUp.run();
		assertThat(this.index.get().count()).as("written once already, with the same time").isZero();

		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("A corrected title").build(), DAY);
		catchUp.run();
		assertThat(this.index.get().count()).as("written again at a new time").isEqualTo(1);

		this.index.get().delete(List.of("2506.00001"));
		this.index.get().refresh();
		this.clock.advance(CatchUp.SETTLING.plusSeconds(1));
		catchUp.run();
		assertThat(this.index.get().count()).as("settled: catch-up starts from its mark").isZero();
	}

	@Test
	void changedPapersAreSearchableAtOnceButCommittedOnlyAfterTheCommitInterval() {
		ChangeBatches batches = batches(Duration.ofDays(1));
		save("2506.00001");
		batches.changed("2506.00001");

		batches.writePending();

		assertThat(this.index.get().count()).isEqualTo(1);
		assertThat(this.index.get().hasUncommittedChanges()).isTrue();

		ChangeBatches committing = batches(Duration.ZERO);
		committing.writePending();

		assertThat(this.index.get().hasUncommittedChanges()).isFalse();
	}

	@Test
	void aChangedPaperThatIsGoneFromTheDatabaseLeavesTheIndex() {
		ChangeBatches batches = batches(Duration.ofDays(1));
		save("2506.00001");
		batches.changed("2506.00001");
		batches.writePending();
		this.jdbc.sql("delete from papers where id = '2506.00001'").update();

		batches.changed("2506.00001");
		batches.writePending();

		assertThat(this.index.get().count()).isZero();
	}

	@Test
	void aRebuildStoppedMidwayGivesUpAfterTheBatchInProgress() {
		List<Paper> papers = new ArrayList<>();
		for (int i = 1; i <= ChangeBatches.BATCH + 1; i++) {
			papers.add(TestPapers.paper(String.format(Locale.ROOT, "2506.%05d", i)).build());
		}
		this.catalog.savePapers(papers, DAY);
		IndexRebuild rebuild = new IndexRebuild(this.index, this.catalog, this.repository, batches(Duration.ofDays(1)));
		List<Integer> progress = new ArrayList<>();

		assertThatIllegalStateException().isThrownBy(() -> rebuild.rebuild((done) -> {
			progress.add(done);
			rebuild.stop();
		})).withMessageContaining("stopped after " + ChangeBatches.BATCH + " papers");

		assertThat(progress).containsExactly(ChangeBatches.BATCH);
		assertThat(this.index.get().committedData()).containsEntry(CatchUp.CAUGHT_UP_TO, Instant.EPOCH.toString());
	}

	@Test
	void searchesMoveToAMergedSegmentAtTheNextRunEvenWithNothingToWrite() throws Exception {
		for (int i = 1; i <= 4; i++) {
			save(String.format(Locale.ROOT, "2506.%05d", i));
		}
		// an index as an earlier version left it: four segments, not merged
		this.index.get();
		this.index.close();
		try (Directory directory = FSDirectory.open(this.folder);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperFields.analyzer())
					.setOpenMode(IndexWriterConfig.OpenMode.APPEND)
					.setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (Paper paper : this.catalog.findPapers(List.of("2506.00001", "2506.00002", "2506.00003", "2506.00004"))
				.values()) {
				IndexedPaper indexed = IndexedPaper.of(paper);
				writer.addDocument(PaperFields.document(indexed, null, indexed.embeddingKey(this.embedder.model())));
				writer.commit();
			}
		}
		// opened: the small segments are merged beside the searches, which still read the four
		assertThat(segments()).isEqualTo(4);
		ChangeBatches batches = batches(Duration.ofDays(1));
		int segments = 4;
		for (int runs = 0; segments > 1 && runs < 600; runs++) {
			Thread.sleep(100);
			batches.writePending();
			segments = segments();
		}
		assertThat(segments).isEqualTo(1);
		assertThat(this.index.get().count()).isEqualTo(4);
	}

	private int segments() {
		return this.index.get().search((searcher) -> searcher.getIndexReader().leaves().size());
	}

	private CatchUp catchUp(ChangeBatches batches) {
		return new CatchUp(this.index, this.repository, batches,
				new IndexRebuild(this.index, this.catalog, this.repository, batches), this.clock);
	}

	private ChangeBatches batches(Duration commitInterval) {
		SearchProperties properties = new SearchProperties(null, Duration.ofMillis(250), commitInterval,
				Duration.ofSeconds(10), false, 32, 1, 0);
		return new ChangeBatches(this.index, this.catalog, properties, () -> {
		});
	}

	private void save(String id) {
		this.catalog.savePaper(TestPapers.paper(id).build(), DAY);
	}

}
