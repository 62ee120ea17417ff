package io.paperboy.search;

import java.time.ZoneOffset;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** The index's fields, and how a paper becomes a Lucene document. */
final class PaperFields {

	/** The arXiv id: the key that {@code updateDocument} replaces a paper by. */
	static final String ID = "id";

	/**
	 * The id again, in doc values: a field of its own, because an index written before it holds
	 * {@link #ID} without doc values, and Lucene does not let a field gain them.
	 */
	static final String ID_VALUE = "id_value";

	static final String TITLE = "title";

	static final String ABSTRACT = "abstract";

	static final String AUTHORS = "authors";

	static final String CATEGORY = "category";

	static final String YEAR = "year";

	static final String PUBLISHED = "published";

	static final String UPVOTES = "upvotes";

	static final String VECTOR = "vector";

	/** Marks documents that carry a vector, so the embedding queue finds those that do not. */
	static final String EMBEDDED = "embedded";

	/** Digest of the embedded text and model, to reuse a vector only for the same text. */
	static final String EMBEDDING_KEY = "embedding_key";

	/** How much more a word in the title counts than the same word in the abstract. */
	static final float TITLE_BOOST = 3f;

	/**
	 * Dot product: the model's vectors are normalised to length 1, where the dot product equals the
	 * cosine and costs less (no norms computed per comparison).
	 */
	static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

	private PaperFields() {
	}

	/**
	 * English analysis (lower case, stop words, possessives, Porter stemming) for prose, so that
	 * "models" finds "model"; plain standard analysis for names, which must not be stemmed.
	 */
	static Analyzer analyzer() {
		return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(AUTHORS, new StandardAnalyzer()));
	}

	static Document document(IndexedPaper paper, float[] vector, String embeddingKey) {
		Document document = new Document();
		// not analysed: matched whole
		document.add(new StringField(ID, paper.id(), Field.Store.YES));
		// the one value each hit of a search reads to go back to the database: doc values cost less than
		// stored fields, which decompress a block of documents
		document.add(new BinaryDocValuesField(ID_VALUE, new BytesRef(paper.id())));
		// analysed, not stored: the database keeps the text to show; highlighting re-analyses it
		document.add(new TextField(TITLE, paper.title(), Field.Store.NO));
		document.add(new TextField(ABSTRACT, paper.summary(), Field.Store.NO));
		// one value per author, so that a phrase never spans two names
		for (String author : paper.authors()) {
			document.add(new TextField(AUTHORS, author, Field.Store.NO));
		}
		// keywords: matched exactly by category:cs.CL, and counted as a facet through doc values
		for (String category : paper.categories()) {
			document.add(new StringField(CATEGORY, category, Field.Store.NO));
			document.add(new SortedSetDocValuesField(CATEGORY, new BytesRef(category)));
		}
		if (paper.publishedAt() != null) {
			long millis = paper.publishedAt().toEpochMilli();
			// points for the from/to range filter, doc values for sorting by date
			document.add(new LongPoint(PUBLISHED, millis));
			document.add(new NumericDocValuesField(PUBLISHED, millis));
			String year = Integer.toString(paper.publishedAt().atZone(ZoneOffset.UTC).getYear());
			// a keyword to filter by and a doc value to count the year facet
			document.add(new StringField(YEAR, year, Field.Store.NO));
			document.add(new SortedDocValuesField(YEAR, new BytesRef(year)));
		}
		// doc values only: sorted by, never searched
		document.add(new NumericDocValuesField(UPVOTES, paper.upvotes()));
		if (vector != null) {
			// HNSW graph for approximate nearest neighbours; the vector itself is readable back from it
			document.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
			document.add(new StringField(EMBEDDED, "yes", Field.Store.NO));
			document.add(new StoredField(EMBEDDING_KEY, embeddingKey));
		}
		return document;
	}

}
