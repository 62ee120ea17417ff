package io.paperboy.search;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Service;

/**
 * Finds a paper by its title, as a member pastes it: the index proposes the papers whose titles hold
 * every word of it, and the catalog's title decides. Only an exact title counts, whatever the case,
 * accents, punctuation and spacing: a title that merely resembles another finds nothing, because a
 * paper saved by mistake teaches a member's feed the wrong thing.
 */
@Service
public class PaperTitles {

	/** Papers holding every word of the title that are compared with it: a title's words are distinctive. */
	static final int CANDIDATES = 20;

	/** The longest title looked up, in characters; arXiv's longest are well below. */
	public static final int MAX_LENGTH = 1000;

	private final IndexSync sync;

	private final Catalog catalog;

	PaperTitles(IndexSync sync, Catalog catalog) {
		this.sync = sync;
		this.catalog = catalog;
	}

	/**
	 * The paper with this title, if the catalog has one (when two papers share a title, the one the
	 * index ranks first).
	 * @throws java.io.UncheckedIOException when the index cannot be read
	 */
	public Optional<String> find(String title) {
		String wanted = comparable(title);
		if (wanted.isEmpty() || title.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		// the words as the title field was analysed (stemmed English, stop words out), all required
		Query query = new QueryBuilder(PaperFields.analyzer()).createBooleanQuery(PaperFields.TITLE, title,
				BooleanClause.Occur.MUST);
		if (query == null) {
			return Optional.empty();
		}
		List<String> ids = this.sync.index().search((searcher) -> {
			TopDocs top = searcher.search(query, CANDIDATES);
			return SearchIndex.ids(searcher, top.scoreDocs);
		});
		Map<String, Paper> papers = this.catalog.findPapers(ids);
		return ids.stream()
			.filter((id) -> papers.containsKey(id) && comparable(papers.get(id).displayTitle()).equals(wanted))
			.findFirst();
	}

	/** A title without case, accents, punctuation or repeated spaces: "Attention Is All You Need." is "attention is all you need". */
	static String comparable(String title) {
		if (title == null) {
			return "";
		}
		String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

}
