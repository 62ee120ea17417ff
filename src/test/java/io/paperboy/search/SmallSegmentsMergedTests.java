package io.paperboy.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Small segments, as each refresh with a few changes leaves them, end up as one. */
class SmallSegmentsMergedTests {

	@TempDir
	Path folder;

	@Test
	void papersCommittedOneByOneEndUpInOneSegmentAndAllStaySearchable() throws Exception {
		try (SearchIndex index = SearchIndex.open(this.folder, MiniLmEmbedder.MODEL)) {
			for (int i = 1; i <= 12; i++) {
				index.add(List.of(paper(i)), Map.of());
				index.commit(Map.of());
				index.refresh();
			}
			assertThat(segmentsOnceMerged(index)).isEqualTo(1);
			assertThat(index.count()).isEqualTo(12);
			Query words = new PaperSearcher(index, PaperFields.analyzer())
				.textQuery(SearchQuery.parse("segment"));
			int found = index.search((searcher) -> searcher.count(words));
			assertThat(found).isEqualTo(12);
		}
	}

	@Test
	void aDeletedPaperLeavesNoSegmentBehindOnceItsSegmentIsMerged() throws Exception {
		try (SearchIndex index = SearchIndex.open(this.folder, MiniLmEmbedder.MODEL)) {
			for (int i = 1; i <= 3; i++) {
				index.add(List.of(paper(i)), Map.of());
				index.commit(Map.of());
				index.refresh();
			}
			index.delete(List.of(String.format("2501.%05d", 2)));
			index.commit(Map.of());
			index.refresh();
			assertThat(segmentsOnceMerged(index)).isEqualTo(1);
			assertThat(index.count()).isEqualTo(2);
		}
	}

	@Test
	void smallSegmentsLeftByAnEarlierRunAreMergedWhenTheIndexIsOpened() throws Exception {
		try (SearchIndex index = SearchIndex.open(this.folder, MiniLmEmbedder.MODEL)) {
			index.add(List.of(paper(1)), Map.of());
			index.commit(Map.of());
		}
		// as an earlier version left it: segments written side by side, not merged
		try (Directory directory = FSDirectory.open(this.folder);
				IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperFields.analyzer())
					.setOpenMode(IndexWriterConfig.OpenMode.APPEND)
					.setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (int i = 2; i <= 4; i++) {
				writer.addDocument(PaperFields.document(paper(i), null, paper(i).embeddingKey(MiniLmEmbedder.MODEL)));
				writer.commit();
			}
		}
		try (SearchIndex index = SearchIndex.open(this.folder, MiniLmEmbedder.MODEL)) {
			assertThat(index.wasCreated()).isFalse();
			assertThat(segmentsOnceMerged(index)).isEqualTo(1);
			assertThat(index.count()).isEqualTo(4);
		}
	}

	/**
	 * The index's segments once its merges, which run beside the writer, are done: looked at until one is
	 * left, for at most a minute.
	 */
	private static int segmentsOnceMerged(SearchIndex index) throws InterruptedException {
		int segments = segments(index);
		for (int tries = 0; segments > 1 && tries < 600; tries++) {
			Thread.sleep(100);
			index.commit(Map.of());
			index.refresh();
			segments = segments(index);
		}
		return segments;
	}

	private static int segments(SearchIndex index) {
		return index.search((searcher) -> searcher.getIndexReader().leaves().size());
	}

	private static IndexedPaper paper(int number) {
		return new IndexedPaper(String.format("2501.%05d", number), "Segment number " + number,
				"A paper written to its own segment.", List.of("Ada Lovelace"), List.of("cs.IR"),
				Instant.parse("2025-01-01T12:00:00Z").plusSeconds(number), number);
	}

}
