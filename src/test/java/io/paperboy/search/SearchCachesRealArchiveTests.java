package io.paperboy.search;

import java.io.Reader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.support.SharedData;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caches of what a search shows hold a reading group's whole catalog, here the 8,506 papers of
 * Hugging Face's lists: the papers read fit in theirs, and once every title and abstract has been
 * shown, showing them again analyses nothing anew, whatever the order.
 */
@Tag("real-data")
class SearchCachesRealArchiveTests {

	@Test
	void everyPaperOfTheArchiveIsKept() {
		List<IndexedPaper> papers = RealArchive.hfDailyPapers(SharedData.hfDailyPapers());
		assertThat(papers).hasSize(8506);
		assertThat((long) papers.size()).isLessThanOrEqualTo(RecentListings.KEPT_PAPERS);
	}

	@Test
	void everyTitleAndAbstractOfTheArchiveStaysAnalysedOnceShown() {
		List<IndexedPaper> papers = RealArchive.hfDailyPapers(SharedData.hfDailyPapers());
		AtomicInteger analysed = new AtomicInteger();
		Highlighting highlighting = new Highlighting(counting(PaperFields.analyzer(), analysed),
				Highlighting.REMEMBERED_CHARACTERS);
		Highlighting.Marks marks = highlighting.marks(new TermQuery(new Term(PaperFields.ABSTRACT, "model")));
		Highlighting.Marks titleMarks = highlighting.marks(new TermQuery(new Term(PaperFields.TITLE, "model")));
		for (IndexedPaper paper : papers) {
			titleMarks.whole(PaperFields.TITLE, paper.title());
			marks.whole(PaperFields.ABSTRACT, paper.summary());
		}
		int first = analysed.get();
		assertThat(first).as("each text analysed once when first shown").isEqualTo(2 * papers.size());

		// shown again, in another order: all of them remembered (with 12 million characters, 589 texts were analysed again)
		for (int i = papers.size() - 1; i >= 0; i--) {
			titleMarks.whole(PaperFields.TITLE, papers.get(i).title());
			marks.whole(PaperFields.ABSTRACT, papers.get(i).summary());
		}
		assertThat(analysed.get() - first).as("texts analysed again").isZero();
	}

	/** The analyzer, counting the texts it is given. */
	private static Analyzer counting(Analyzer analyzer, AtomicInteger texts) {
		return new AnalyzerWrapper(analyzer.getReuseStrategy()) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return analyzer;
			}

			@Override
			protected Reader wrapReader(String fieldName, Reader reader) {
				texts.incrementAndGet();
				return reader;
			}

		};
	}

}
