package io.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of papers: one writer, a near-real-time {@link SearcherManager}, and the format
 * version in the commit's user data. It knows nothing of the database; {@link IndexSync} feeds it.
 * Safe for concurrent use: Lucene's writer and searcher manager are.
 */
final class SearchIndex implements AutoCloseable {

	/**
	 * The layout of documents. Raise it whenever fields or analysis change: an index with another
	 * version is rebuilt from the database at start, and loses its vectors: the id's doc values were
	 * added without raising it ({@link #ids}).
	 */
	static final int FORMAT = 1;

	static final String FORMAT_KEY = "paperboy.format";

	/** The embedding model the stored vectors come from; a vector is reused only for the same model. */
	static final String MODEL_KEY = "paperboy.model";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final boolean created;

	private final String model;

	private SearchIndex(Directory directory, IndexWriter writer, boolean created, String model) throws IOException {
		this.directory = directory;
		this.writer = writer;
		this.created = created;
		this.model = model;
		this.searchers = new SearcherManager(writer, new SearcherFactory() {
			@Override
			public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
					org.apache.lucene.index.IndexReader previous) {
				IndexSearcher searcher = new IndexSearcher(reader);
				searcher.setSimilarity(new BM25Similarity());
				return searcher;
			}
		});
	}

	/**
	 * Opens the index in {@code folder}, or creates it empty when it is missing, of another format, or
	 * unreadable; {@link #wasCreated()} then says it must be filled from the database.
	 * @param model the name of the embedding model whose vectors this index holds
	 */
	static SearchIndex open(Path folder, String model) {
		try {
			Files.createDirectories(folder);
			Directory directory = FSDirectory.open(folder);
			boolean current = isCurrent(directory, model);
			IndexWriterConfig config = new IndexWriterConfig(PaperFields.analyzer());
			config.setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
			config.setRAMBufferSizeMB(64);
			config.setMergePolicy(new SmallSegmentsMerged());
			config.setSimilarity(new BM25Similarity());
			IndexWriter writer = new IndexWriter(directory, config);
			SearchIndex index = new SearchIndex(directory, writer, !current, model);
			if (!current) {
				index.commit(Map.of());
			}
			else {
				// small segments left by an earlier run are merged now, not at the first change
				writer.maybeMerge();
			}
			return index;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index in " + folder, ex);
		}
	}

	/**
	 * Whether the index on disk can be kept: same format, and vectors from the same model (a new
	 * model means every vector must be made again, so the index is rebuilt).
	 */
	private static boolean isCurrent(Directory directory, String model) throws IOException {
		if (!DirectoryReader.indexExists(directory)) {
			return false;
		}
		try {
			Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
			return Integer.toString(FORMAT).equals(data.get(FORMAT_KEY))
					&& model.equals(data.getOrDefault(MODEL_KEY, model));
		}
		catch (IOException | RuntimeException ex) {
			// a corrupt or too old index is derived data: rebuilding it is the cure
			return false;
		}
	}

	/** Whether the index was created empty at open (missing or outdated) and must be filled. */
	boolean wasCreated() {
		return this.created;
	}

	String model() {
		return this.model;
	}

	/** The user data of the last commit (format, model, what {@link IndexSync} records). */
	Map<String, String> committedData() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = this.writer.getLiveCommitData();
		if (live != null) {
			live.forEach((entry) -> data.put(entry.getKey(), entry.getValue()));
		}
		else {
			try {
				data.putAll(SegmentInfos.readLatestCommit(this.directory).getUserData());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return data;
	}

	/**
	 * Adds or replaces papers. A paper whose title and abstract have not changed keeps its vector; a
	 * changed one loses it, and the embedding queue embeds it again.
	 */
	void upsert(Collection<IndexedPaper> papers) {
		if (papers.isEmpty()) {
			return;
		}
		Map<String, Embedding> vectors = embeddings(papers.stream().map(IndexedPaper::id).toList());
		try {
			for (IndexedPaper paper : papers) {
				String key = paper.embeddingKey(this.model);
				Embedding stored = vectors.get(paper.id());
				float[] vector = (stored != null && stored.key().equals(key)) ? stored.vector() : null;
				this.writer.updateDocument(new Term(PaperFields.ID, paper.id()),
						PaperFields.document(paper, vector, key));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds or replaces one paper with its vector. */
	void upsert(IndexedPaper paper, float[] vector) {
		try {
			this.writer.updateDocument(new Term(PaperFields.ID, paper.id()),
					PaperFields.document(paper, vector, paper.embeddingKey(this.model)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds papers known not to be in the index (a bulk load into an empty index): no lookups. */
	void add(Collection<IndexedPaper> papers, Map<String, float[]> vectors) {
		try {
			List<Document> documents = new ArrayList<>(papers.size());
			for (IndexedPaper paper : papers) {
				documents.add(PaperFields.document(paper, vectors.get(paper.id()), paper.embeddingKey(this.model)));
			}
			this.writer.addDocuments(documents);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete(Collection<String> ids) {
		try {
			for (String id : ids) {
				this.writer.deleteDocuments(new Term(PaperFields.ID, id));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces the whole index with {@code fill}'s papers. Vectors of papers whose text has not
	 * changed are carried over from the index as it was, so a rebuild does not embed again.
	 * @param fill called with a sink that takes batches of papers
	 */
	void rebuild(Consumer<Consumer<List<IndexedPaper>>> fill) {
		IndexSearcher before = acquire();
		try {
			this.writer.deleteAll();
			fill.accept((batch) -> {
				Map<String, Embedding> old = embeddings(before, batch.stream().map(IndexedPaper::id).toList());
				Map<String, float[]> vectors = new HashMap<>();
				for (IndexedPaper paper : batch) {
					Embedding stored = old.get(paper.id());
					if (stored != null && stored.key().equals(paper.embeddingKey(this.model))) {
						vectors.put(paper.id(), stored.vector());
					}
				}
				add(batch, vectors);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(before);
		}
	}

	/**
	 * Takes every paper out, for a rebuild that fills an index with nothing visible to lose and shows
	 * its batches as it goes ({@link #refresh}) rather than replacing the index in one piece.
	 */
	void clear() {
		try {
			this.writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes the changes so far durable, with this user data beside the format and model. */
	void commit(Map<String, String> data) {
		Map<String, String> all = committedData();
		all.putAll(data);
		all.put(FORMAT_KEY, Integer.toString(FORMAT));
		all.put(MODEL_KEY, this.model);
		this.writer.setLiveCommitData(all.entrySet());
		try {
			this.writer.commit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean hasUncommittedChanges() {
		return this.writer.hasUncommittedChanges();
	}

	/**
	 * Whether searches see everything written: not when papers were written since the last refresh, nor
	 * when a merge finished since (its searches would still read the segments it merged).
	 */
	boolean isCurrent() {
		try {
			return this.searchers.isSearcherCurrent();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes the changes so far visible to searches (not durable: see {@link #commit}). */
	void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs a search on the current point-in-time view; the searcher is always released. */
	<T> T search(SearchFunction<T> search) {
		IndexSearcher searcher = acquire();
		try {
			return search.apply(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	/** A search over an {@link IndexSearcher}, which may fail with an I/O error. */
	@FunctionalInterface
	interface SearchFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	/** Papers in the index. */
	int count() {
		return search((searcher) -> searcher.count(new MatchAllDocsQuery()));
	}

	/** Papers that carry a vector. */
	int countEmbedded() {
		return search((searcher) -> searcher.count(new TermQuery(new Term(PaperFields.EMBEDDED, "yes"))));
	}

	/**
	 * Up to {@code max} ids of papers without a vector, newest first: the papers people look for
	 * while the queue catches up are today's, so they are found by meaning first. Papers without a
	 * date come last.
	 */
	List<String> unembedded(int max) {
		return search((searcher) -> {
			BooleanQuery query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(new TermQuery(new Term(PaperFields.EMBEDDED, "yes")), Occur.MUST_NOT)
				.build();
			SortField newest = new SortField(PaperFields.PUBLISHED, SortField.Type.LONG, true);
			newest.setMissingValue(Long.MIN_VALUE);
			TopDocs top = searcher.search(query, max, new Sort(newest));
			return ids(searcher, top.scoreDocs);
		});
	}

	/** The vector of a paper, when it has one. */
	Optional<float[]> vectorOf(String id) {
		return Optional.ofNullable(embeddings(List.of(id)).get(id)).map(Embedding::vector);
	}

	private Map<String, Embedding> embeddings(List<String> ids) {
		IndexSearcher searcher = acquire();
		try {
			return embeddings(searcher, ids);
		}
		finally {
			release(searcher);
		}
	}

	private static Map<String, Embedding> embeddings(IndexSearcher searcher, List<String> ids) {
		Map<String, Embedding> found = new HashMap<>();
		try {
			for (String id : ids) {
				TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.ID, id)), 1);
				if (top.scoreDocs.length == 0) {
					continue;
				}
				int doc = top.scoreDocs[0].doc;
				LeafReaderContext leaf = searcher.getIndexReader().leaves()
					.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
				FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
				int local = doc - leaf.docBase;
				if (values != null && values.advance(local) == local) {
					String key = searcher.storedFields().document(doc).get(PaperFields.EMBEDDING_KEY);
					found.put(id, new Embedding(values.vectorValue().clone(), key));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/**
	 * The vectors of those of these papers that have one: each segment's id terms are looked up
	 * directly and its vectors read in document order, so thousands of papers cost milliseconds.
	 */
	Map<String, float[]> vectorsOf(Collection<String> ids) {
		return search((searcher) -> {
			Map<String, float[]> found = new HashMap<>();
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
				org.apache.lucene.index.Terms terms = leaf.reader().terms(PaperFields.ID);
				if (values == null || terms == null) {
					continue;
				}
				org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
				org.apache.lucene.index.TermsEnum term = terms.iterator();
				TreeMap<Integer, String> docs = new TreeMap<>();
				org.apache.lucene.index.PostingsEnum postings = null;
				for (String id : ids) {
					if (found.containsKey(id) || !term.seekExact(new BytesRef(id))) {
						continue;
					}
					postings = term.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
					for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
						if (live == null || live.get(doc)) {
							docs.put(doc, id);
						}
					}
				}
				for (Map.Entry<Integer, String> doc : docs.entrySet()) {
					int at = (values.docID() < doc.getKey()) ? values.advance(doc.getKey()) : values.docID();
					if (at == doc.getKey()) {
						found.put(doc.getValue(), values.vectorValue().clone());
					}
				}
			}
			return found;
		});
	}

	/**
	 * Up to {@code count} papers drawn at random with their vectors, by id (reservoir sampling with this
	 * seed, so the same index and seed give the same sample, in the same order).
	 */
	Map<String, float[]> sampleVectors(int count, long seed) {
		if (count <= 0) {
			return Map.of();
		}
		return search((searcher) -> {
			java.util.Random random = new java.util.Random(seed);
			List<float[]> sample = new ArrayList<>();
			List<Integer> docs = new ArrayList<>();
			long seen = 0;
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				FloatVectorValues values = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
				if (values == null) {
					continue;
				}
				org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
				for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
					if (live != null && !live.get(doc)) {
						continue;
					}
					seen++;
					if (sample.size() < count) {
						sample.add(values.vectorValue().clone());
						docs.add(leaf.docBase + doc);
					}
					else {
						long slot = (long) (random.nextDouble() * seen);
						if (slot < count) {
							sample.set((int) slot, values.vectorValue().clone());
							docs.set((int) slot, leaf.docBase + doc);
						}
					}
				}
			}
			ScoreDoc[] hits = new ScoreDoc[docs.size()];
			for (int i = 0; i < hits.length; i++) {
				hits[i] = new ScoreDoc(docs.get(i), 0);
			}
			List<String> ids = ids(searcher, hits);
			Map<String, float[]> sampled = new java.util.LinkedHashMap<>();
			for (int i = 0; i < ids.size(); i++) {
				sampled.put(ids.get(i), sample.get(i));
			}
			return sampled;
		});
	}

	/**
	 * The ids of these hits, in order: from the id's doc values, read in the order of the documents
	 * (each segment's values are a forward-only iterator, and cost no decompression), or from stored
	 * fields for a document written before doc values held the id (an index from before them, until
	 * {@code reindex} or the paper's next change writes it again: raising {@link #FORMAT} would
	 * have thrown away every vector).
	 */
	static List<String> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
		Integer[] order = new Integer[hits.length];
		for (int i = 0; i < hits.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingInt((i) -> hits[i].doc));
		String[] ids = new String[hits.length];
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		BinaryDocValues values = null;
		StoredFields stored = null;
		for (int i : order) {
			int doc = hits[i].doc;
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				values = leaf.reader().getBinaryDocValues(PaperFields.ID_VALUE);
			}
			if (values != null && values.advanceExact(doc - leaf.docBase)) {
				ids[i] = values.binaryValue().utf8ToString();
			}
			else {
				// stored fields are compressed in blocks of neighbouring documents, read in order too
				stored = (stored != null) ? stored : searcher.storedFields();
				ids[i] = stored.document(doc, ID_ONLY).get(PaperFields.ID);
			}
		}
		return new ArrayList<>(Arrays.asList(ids));
	}

	private static final Set<String> ID_ONLY = Set.of(PaperFields.ID);

	private IndexSearcher acquire() {
		try {
			return this.searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			this.searchers.release(searcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Size of the index's files, in bytes. */
	long sizeInBytes() {
		try {
			long size = 0;
			for (String file : this.directory.listAll()) {
				try {
					size += this.directory.fileLength(file);
				}
				catch (IOException ex) {
					// a file merged away between listing and measuring
				}
			}
			return size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.searchers.close();
			if (this.writer.hasUncommittedChanges()) {
				commit(Map.of());
			}
			this.writer.close();
			this.directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A stored vector with the key of the text it was made from. */
	private record Embedding(float[] vector, String key) {
	}

}
