package io.paperboy.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.util.VectorUtil;

/**
 * Runs searches on a {@link SearchIndex}: BM25 over words, kNN over vectors, or both fused by
 * reciprocal rank; filters, sorting and facet counts. Knows nothing of Spring or the database.
 */
final class PaperSearcher {

	/** Candidates each side brings to the fusion at least, and the depth of a semantic search. */
	static final int CANDIDATES = 100;

	/**
	 * Candidates the HNSW search keeps while it walks the graph (its "ef"), however few results are
	 * wanted: with only 5 or 10, the walk stops early and misses true neighbours; 100 buys recall for
	 * well under a millisecond more.
	 */
	static final int KNN_CANDIDATES = 100;

	/**
	 * The least cosine similarity between a query and a paper for the paper to count as close in
	 * meaning. Measured on the real archive (docs/search.md): nonsense and off-topic queries stay
	 * below it, real topics reach it.
	 */
	static final double SIMILARITY_FLOOR = 0.40;

	/** Papers holding the query's words as typed that are still few enough to be the one sought. */
	static final int KNOWN_ITEMS = 5;

	/**
	 * Papers with the words that the search page counts exactly, and over which it counts its facets:
	 * the first this many in the order asked for. Past it, the page says "more than 1,000". A reader
	 * can page through no more than these ({@link SearchPageController#MAX_PAGE} pages of 20), and it
	 * is where Lucene stops counting a top-N search exactly by default, so the API's count (a lower
	 * bound past it) and the page's agree. Counting every match instead made the page's cost grow with
	 * the catalog: 7.8 ms of CPU a word search at 8,506 papers, 321 ms at a million (docs/search.md).
	 */
	static final int COUNTED = 1_000;

	private final SearchIndex index;

	/** Words of a paper that its "more like this" query keeps, the most telling first. */
	static final int SIMILAR_TERMS = 25;

	private final QueryCompiler compiler;

	private final Analyzer analyzer;

	PaperSearcher(SearchIndex index, Analyzer analyzer) {
		this.index = index;
		this.analyzer = analyzer;
		this.compiler = new QueryCompiler(analyzer);
	}

	Query textQuery(SearchQuery query) {
		return this.compiler.compile(query);
	}

	/**
	 * Searches.
	 * @param queryVector the query's embedding, or {@code null} when there is none (the search then
	 * uses the words only)
	 */
	SearchResult search(SearchRequest request, float[] queryVector) {
		return search(request, queryVector, true);
	}

	/**
	 * Searches, counting facets or not: the API shows none. With facets (the page), the papers with
	 * the words are counted exactly up to {@value #COUNTED}, and the facets count the first that many
	 * of them (and those found by meaning); past it, the result says it is capped. Without facets, the
	 * number of papers with the words is a lower bound once it passes 1,000 (in every mode).
	 * <p>
	 * The ranking, in {@code hybrid} and {@code semantic} modes (see docs/search.md): first the known
	 * items, the few papers (at most {@value #KNOWN_ITEMS}) that hold the query's words as typed, in
	 * order, in their title or abstract; then words and meaning fused by reciprocal rank, where a
	 * paper without a vector yet counts its rank by words twice rather than losing the meaning term
	 * ({@code hybrid}), or the papers close in meaning ({@code semantic}). Meaning contributes only
	 * papers at least {@value #SIMILARITY_FLOOR} similar to the query. A query that names a field,
	 * quotes a phrase or is an id is answered by words in every mode.
	 */
	SearchResult search(SearchRequest request, float[] queryVector, boolean withFacets) {
		Query text = this.compiler.compile(request.query());
		Query filter = filter(request);
		boolean useVectors = request.mode() != SearchRequest.Mode.TEXT && queryVector != null
				&& !request.query().answeredByWords();
		if (text == null && !useVectors) {
			return SearchResult.empty();
		}
		if (!useVectors) {
			return this.index.search((searcher) -> textOnly(searcher, request, filtered(text, filter), withFacets));
		}
		Query knownItem = this.compiler.knownItem(request.query());
		Query vectorFilter = both(filter, this.compiler.exclusions(request.query()));
		return this.index.search((searcher) -> {
			int depth = Math.max(CANDIDATES, request.offset() + request.limit());
			// the words rank papers in hybrid mode only; a search by meaning alone has no use for them
			Query words = (text != null && request.mode() == SearchRequest.Mode.HYBRID) ? filtered(text, filter) : null;
			// weighed once, for the ranking and for telling which papers found by meaning have the words:
			// weighing looks up each of the query's terms in each segment, as costly as the search itself
			Weight wordsWeight = (words != null)
					? searcher.createWeight(searcher.rewrite(words), ScoreMode.TOP_SCORES, 1) : null;
			// the page's facets count the first papers with the words; the fusion takes only its depth of them,
			// which are the same as a search of that depth would find
			TopDocs wordsTop = (words == null) ? null
					: top(searcher, wordsWeight, withFacets
							? new TopScoreDocCollectorManager(Math.max(depth, COUNTED), null, COUNTED + 1)
							: topHits(searcher, depth));
			List<Integer> wordsCounted = (wordsTop != null) ? docs(wordsTop.scoreDocs) : List.of();
			List<Integer> byWords = wordsCounted.subList(0, Math.min(depth, wordsCounted.size()));
			List<Integer> known = knownItems(searcher, knownItem, filter);
			List<Integer> close = closeInMeaning(searcher, queryVector, vectorFilter, depth);
			List<Integer> ranked;
			if (request.mode() == SearchRequest.Mode.HYBRID) {
				Set<Integer> withoutVector = withoutVector(searcher, byWords);
				ranked = ReciprocalRankFusion.fuse(byWords, close, withoutVector::contains)
					.stream()
					.map(ReciprocalRankFusion.Fused::item)
					.toList();
			}
			else {
				ranked = close;
			}
			LinkedHashSet<Integer> inOrder = new LinkedHashSet<>(known);
			inOrder.addAll(ranked);
			List<Integer> ordered = sorted(searcher, new ArrayList<>(inOrder), request.sort());
			List<Integer> page = ordered.stream().skip(request.offset()).limit(request.limit()).toList();
			Coverage coverage = coverage(searcher);
			if (request.mode() == SearchRequest.Mode.SEMANTIC) {
				Facets facets = withFacets ? Facets.of(searcher, ordered) : new Facets();
				return new SearchResult(ids(searcher, page), ordered.size(), known.size(), ordered.size() - known.size(),
						facets.categories(), facets.years(), text, true, coverage.embedded(), coverage.indexed(), false);
			}
			// hybrid: the papers that have the words, and those close in meaning that do not
			List<Integer> meaningOnly = (words != null) ? notMatching(searcher, wordsWeight, close) : close;
			// without facets (the API), the count is Lucene's: a lower bound once it passes 1,000
			boolean capped = withFacets && wordsTop != null && isCapped(wordsTop);
			int wordMatches = (wordsTop == null) ? 0 : capped ? COUNTED : (int) wordsTop.totalHits.value;
			List<Integer> found = new ArrayList<>(wordsCounted);
			found.addAll(meaningOnly);
			Facets facets = withFacets ? Facets.of(searcher, found) : new Facets();
			return new SearchResult(ids(searcher, page), wordMatches + meaningOnly.size(), wordMatches,
					meaningOnly.size(), facets.categories(), facets.years(), text, true, coverage.embedded(),
					coverage.indexed(), capped);
		});
	}

	/**
	 * The known items: papers holding the query's words as typed in their title or abstract, best
	 * first, when at most {@value #KNOWN_ITEMS} do (more, and the words are not distinctive: the
	 * fused ranking orders them).
	 */
	private static List<Integer> knownItems(IndexSearcher searcher, Query knownItem, Query filter) throws IOException {
		if (knownItem == null) {
			return List.of();
		}
		TopDocs top = searcher.search(filtered(knownItem, filter), KNOWN_ITEMS + 1);
		return (top.scoreDocs.length <= KNOWN_ITEMS) ? docs(top.scoreDocs) : List.of();
	}

	/** Papers nearest to the vector, nearest first, as far as they are at least as similar as the floor. */
	private static List<Integer> closeInMeaning(IndexSearcher searcher, float[] vector, Query filter, int depth)
			throws IOException {
		TopDocs top = searcher.search(
				new KnnFloatVectorQuery(PaperFields.VECTOR, vector, Math.max(depth, KNN_CANDIDATES), filter), depth);
		List<Integer> close = new ArrayList<>();
		for (ScoreDoc hit : top.scoreDocs) {
			// Lucene scores a dot product d as (1 + d) / 2
			if (2 * hit.score - 1 >= SIMILARITY_FLOOR) {
				close.add(hit.doc);
			}
		}
		return close;
	}

	/** How many papers are close in meaning to the vector (at least as similar as the floor). */
	int closeInMeaning(float[] vector, SearchRequest request) {
		Query filter = both(filter(request), this.compiler.exclusions(request.query()));
		return this.index.search((searcher) -> closeInMeaning(searcher, vector, filter, CANDIDATES).size());
	}

	/** Of these documents, those without a vector. */
	private static Set<Integer> withoutVector(IndexSearcher searcher, List<Integer> docs) throws IOException {
		return addCosines(searcher, null, docs, null);
	}

	/**
	 * Papers Lucene's {@code IndexSearcher.search(query, n)} counts exactly before it starts skipping
	 * those that cannot make the list (its own threshold): the API's counts stay Lucene's.
	 */
	private static final int TOTAL_HITS_THRESHOLD = 1_000;

	/** What {@code IndexSearcher.search(query, count)} collects with, for {@link #top}. */
	private static TopScoreDocCollectorManager topHits(IndexSearcher searcher, int count) {
		return new TopScoreDocCollectorManager(Math.min(count, Math.max(1, searcher.getIndexReader().maxDoc())), null,
				TOTAL_HITS_THRESHOLD, searcher.getSlices().length > 1);
	}

	/**
	 * The top documents of an already weighed query, collected leaf by leaf as {@link IndexSearcher}
	 * collects them without an executor, so that the same weight can serve another purpose.
	 */
	private static TopDocs top(IndexSearcher searcher, Weight weight, TopScoreDocCollectorManager manager)
			throws IOException {
		TopScoreDocCollector collector = manager.newCollector();
		collector.setWeight(weight);
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			LeafCollector leafCollector;
			try {
				leafCollector = collector.getLeafCollector(leaf);
			}
			catch (CollectionTerminatedException ex) {
				continue;
			}
			BulkScorer scorer = weight.bulkScorer(leaf);
			if (scorer != null) {
				try {
					scorer.score(leafCollector, leaf.reader().getLiveDocs());
				}
				catch (CollectionTerminatedException ex) {
					// the collector has what it needs from this leaf
				}
			}
			leafCollector.finish();
		}
		return manager.reduce(List.of(collector));
	}

	/** Of these documents, those the weighed query does not match. */
	private static List<Integer> notMatching(IndexSearcher searcher, Weight weight, List<Integer> docs)
			throws IOException {
		Set<Integer> matching = new HashSet<>();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		DocIdSetIterator matches = null;
		for (int doc : ascending(docs)) {
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				Scorer scorer = weight.scorer(leaf);
				matches = (scorer != null) ? scorer.iterator() : null;
			}
			int local = doc - leaf.docBase;
			if (matches != null && at(matches, local)) {
				matching.add(doc);
			}
		}
		return docs.stream().filter((doc) -> !matching.contains(doc)).toList();
	}

	/** Whether a forward-only iterator holds {@code doc}, given targets in ascending order. */
	private static boolean at(DocIdSetIterator iterator, int doc) throws IOException {
		int current = iterator.docID();
		return ((current < doc) ? iterator.advance(doc) : current) == doc;
	}

	private static List<Integer> ascending(List<Integer> docs) {
		List<Integer> sorted = new ArrayList<>(docs);
		sorted.sort(null);
		return sorted;
	}

	/**
	 * The coverage of the reader last asked about: a reader never changes, and counting the papers
	 * with a vector visits every one of them once the index has deletions, for each search.
	 */
	private static volatile Coverage lastCoverage;

	/** Papers in the index, and those with a vector: counted once per reader (the index refreshes it). */
	private static Coverage coverage(IndexSearcher searcher) throws IOException {
		IndexReader reader = searcher.getIndexReader();
		IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
		Object key = (helper != null) ? helper.getKey() : null;
		Coverage last = lastCoverage;
		if (key != null && last != null && last.reader() == key) {
			return last;
		}
		Coverage counted = new Coverage(searcher.count(new TermQuery(new Term(PaperFields.EMBEDDED, "yes"))),
				reader.numDocs(), key);
		lastCoverage = counted;
		return counted;
	}

	/** Papers with a vector and papers in the index, as counted on the reader of this key. */
	private record Coverage(int embedded, int indexed, Object reader) {
	}

	private static Query both(Query one, Query excluded) {
		if (excluded == null) {
			return one;
		}
		BooleanQuery.Builder both = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
			.add(excluded, Occur.MUST_NOT);
		if (one != null) {
			both.add(one, Occur.FILTER);
		}
		return both.build();
	}

	private SearchResult textOnly(IndexSearcher searcher, SearchRequest request, Query query, boolean withFacets)
			throws IOException {
		int wanted = Math.max(1, request.offset() + request.limit());
		Sort sort = switch (request.sort()) {
			case RELEVANCE -> null;
			case DATE -> new Sort(new SortField(PaperFields.PUBLISHED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
			case UPVOTES -> new Sort(new SortField(PaperFields.UPVOTES, SortField.Type.LONG, true), SortField.FIELD_SCORE);
		};
		Coverage coverage = coverage(searcher);
		if (!withFacets) {
			TopDocs top = (sort != null) ? searcher.search(query, wanted, sort) : searcher.search(query, wanted);
			List<Integer> page = docs(top.scoreDocs).stream().skip(request.offset()).limit(request.limit()).toList();
			return new SearchResult(ids(searcher, page), (int) top.totalHits.value, (int) top.totalHits.value, 0,
					Map.of(), Map.of(), query, false, coverage.embedded(), coverage.indexed(), false);
		}
		TopDocs top = counted(searcher, query, Math.max(wanted, COUNTED), sort);
		List<Integer> found = docs(top.scoreDocs);
		List<Integer> page = found.stream().skip(request.offset()).limit(request.limit()).toList();
		Facets facets = Facets.of(searcher, found);
		boolean capped = isCapped(top);
		int total = capped ? COUNTED : (int) top.totalHits.value;
		return new SearchResult(ids(searcher, page), total, total, 0, facets.categories(), facets.years(), query, false,
				coverage.embedded(), coverage.indexed(), capped);
	}

	/**
	 * The first {@code count} papers the query matches, in the order asked for ({@code null}: by
	 * relevance), counted exactly up to one more than {@value #COUNTED}: past that, Lucene skips the
	 * papers that cannot make the list instead of visiting each.
	 */
	private static TopDocs counted(IndexSearcher searcher, Query query, int count, Sort sort) throws IOException {
		return (sort == null) ? searcher.search(query, new TopScoreDocCollectorManager(count, null, COUNTED + 1))
				: searcher.search(query, new TopFieldCollectorManager(sort, count, null, COUNTED + 1));
	}

	/** Whether more papers matched than were counted: more than {@value #COUNTED}, for certain. */
	private static boolean isCapped(TopDocs top) {
		return top.totalHits.relation != TotalHits.Relation.EQUAL_TO || top.totalHits.value > COUNTED;
	}

	/**
	 * The papers most like this one, itself left out, best first: once it has a vector, its nearest
	 * papers by meaning and its most alike by words, blended ({@link SimilarityBlend}); by its words
	 * alone ({@link MoreLikeThis} over title and abstract) until then, so that a new paper has similar
	 * papers from the start.
	 */
	List<String> similar(IndexedPaper paper, int count) {
		Optional<float[]> vector = this.index.vectorOf(paper.id());
		if (vector.isEmpty()) {
			return nearestByWords(paper, count);
		}
		int depth = Math.max(count, CANDIDATES);
		return this.index.search((searcher) -> {
			Query itself = new TermQuery(new Term(PaperFields.ID, paper.id()));
			Query others = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(itself, Occur.MUST_NOT)
				.build();
			TopDocs near = searcher.search(
					new KnnFloatVectorQuery(PaperFields.VECTOR, vector.get(), Math.max(depth, KNN_CANDIDATES), others), depth);
			Query like = new BooleanQuery.Builder().add(moreLikeThis(searcher, paper), Occur.MUST)
				.add(itself, Occur.MUST_NOT)
				.build();
			TopDocs alike = searcher.search(like, depth);
			Map<Integer, Double> cosines = new LinkedHashMap<>();
			for (ScoreDoc hit : near.scoreDocs) {
				// Lucene scores a dot product d as (1 + d) / 2
				cosines.put(hit.doc, 2.0 * hit.score - 1);
			}
			Map<Integer, Double> words = new LinkedHashMap<>();
			for (ScoreDoc hit : alike.scoreDocs) {
				words.put(hit.doc, (double) hit.score);
			}
			List<Integer> unscored = words.keySet().stream().filter((doc) -> !cosines.containsKey(doc)).toList();
			Set<Integer> withoutVector = addCosines(searcher, vector.get(), unscored, cosines);
			return ids(searcher, SimilarityBlend.rank(cosines, words, withoutVector, count));
		});
	}

	/**
	 * Adds to {@code cosines} the cosine similarity to {@code vector} of each of these documents that has
	 * a vector (read from the index: exact, not approximate); with no {@code vector}, only looks which
	 * documents have one.
	 * @return the documents that have no vector
	 */
	private static Set<Integer> addCosines(IndexSearcher searcher, float[] vector, List<Integer> docs,
			Map<Integer, Double> cosines) throws IOException {
		Set<Integer> without = new HashSet<>();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		FloatVectorValues vectors = null;
		for (int doc : ascending(docs)) {
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				vectors = leaf.reader().getFloatVectorValues(PaperFields.VECTOR);
			}
			if (vectors == null || !at(vectors, doc - leaf.docBase)) {
				without.add(doc);
			}
			else if (vector != null) {
				cosines.put(doc, (double) VectorUtil.dotProduct(vector, vectors.vectorValue()));
			}
		}
		return without;
	}

	/** The papers nearest to this one by meaning alone, itself left out; empty when it has no vector. */
	List<String> nearestByMeaning(String id, int count) {
		return this.index.vectorOf(id).map((vector) -> this.index.search((searcher) -> {
			Query others = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(new TermQuery(new Term(PaperFields.ID, id)), Occur.MUST_NOT)
				.build();
			TopDocs top = searcher.search(
					new KnnFloatVectorQuery(PaperFields.VECTOR, vector, Math.max(count, KNN_CANDIDATES), others), count);
			return SearchIndex.ids(searcher, top.scoreDocs);
		})).orElse(List.of());
	}

	/** The papers most like this one by words alone, itself left out. */
	List<String> nearestByWords(IndexedPaper paper, int count) {
		return this.index.search((searcher) -> {
			Query others = new BooleanQuery.Builder().add(moreLikeThis(searcher, paper), Occur.MUST)
				.add(new TermQuery(new Term(PaperFields.ID, paper.id())), Occur.MUST_NOT)
				.build();
			return SearchIndex.ids(searcher, searcher.search(others, count).scoreDocs);
		});
	}

	/**
	 * Lucene's "more like this": the paper's most telling words (frequent in its title and abstract,
	 * rare in the index, by tf-idf), at most {@value #SIMILAR_TERMS}, as one query over title and
	 * abstract. Words in fewer than 2 papers are left out: a word only this paper has finds nothing.
	 */
	Query moreLikeThis(IndexSearcher searcher, IndexedPaper paper) throws IOException {
		MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
		like.setAnalyzer(this.analyzer);
		like.setFieldNames(new String[] { PaperFields.TITLE, PaperFields.ABSTRACT });
		like.setMinTermFreq(1);
		like.setMinDocFreq(2);
		like.setMaxQueryTerms(SIMILAR_TERMS);
		like.setBoost(true);
		Map<String, java.util.Collection<Object>> fields = new HashMap<>();
		fields.put(PaperFields.TITLE, List.of(paper.title()));
		fields.put(PaperFields.ABSTRACT, List.of(paper.summary()));
		return like.like(fields);
	}

	/** The nearest papers to a vector, by approximate (HNSW) search. */
	List<String> nearest(float[] vector, int count) {
		return this.index.search((searcher) -> SearchIndex.ids(searcher,
				searcher.search(new KnnFloatVectorQuery(PaperFields.VECTOR, vector, Math.max(count, KNN_CANDIDATES)),
						count).scoreDocs));
	}

	private static Query filter(SearchRequest request) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder();
		boolean any = false;
		if (request.from() != null || request.to() != null) {
			long from = (request.from() != null) ? startOf(request.from()) : Long.MIN_VALUE;
			long to = (request.to() != null) ? startOf(request.to().plusDays(1)) - 1 : Long.MAX_VALUE;
			filter.add(LongPoint.newRangeQuery(PaperFields.PUBLISHED, from, to), Occur.FILTER);
			any = true;
		}
		if (request.category() != null) {
			filter.add(new TermQuery(new Term(PaperFields.CATEGORY, request.category())), Occur.FILTER);
			any = true;
		}
		if (request.year() != null) {
			filter.add(new TermQuery(new Term(PaperFields.YEAR, request.year().toString())), Occur.FILTER);
			any = true;
		}
		return any ? filter.build() : null;
	}

	private static long startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
	}

	private static Query filtered(Query query, Query filter) {
		if (filter == null) {
			return query;
		}
		return new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
	}

	private static List<Integer> docs(ScoreDoc[] hits) {
		List<Integer> docs = new ArrayList<>(hits.length);
		for (ScoreDoc hit : hits) {
			docs.add(hit.doc);
		}
		return docs;
	}

	private static List<String> ids(IndexSearcher searcher, List<Integer> docs) throws IOException {
		ScoreDoc[] hits = docs.stream().map((doc) -> new ScoreDoc(doc, 0)).toArray(ScoreDoc[]::new);
		return SearchIndex.ids(searcher, hits);
	}

	/** Fused results in the order asked for: by relevance they stay as they are. */
	private static List<Integer> sorted(IndexSearcher searcher, List<Integer> docs, SearchRequest.Sort sort)
			throws IOException {
		if (sort == SearchRequest.Sort.RELEVANCE) {
			return docs;
		}
		String field = (sort == SearchRequest.Sort.DATE) ? PaperFields.PUBLISHED : PaperFields.UPVOTES;
		Map<Integer, Long> values = new HashMap<>();
		for (int doc : docs) {
			LeafReaderContext leaf = leaf(searcher, doc);
			NumericDocValues numbers = leaf.reader().getNumericDocValues(field);
			int local = doc - leaf.docBase;
			values.put(doc, (numbers != null && numbers.advanceExact(local)) ? numbers.longValue() : Long.MIN_VALUE);
		}
		List<Integer> ordered = new ArrayList<>(docs);
		ordered.sort(Comparator.comparing(values::get, Comparator.reverseOrder()));
		return ordered;
	}

	private static LeafReaderContext leaf(IndexSearcher searcher, int doc) {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		return leaves.get(ReaderUtil.subIndex(doc, leaves));
	}

	/**
	 * Counts of categories and years over the papers found (on the page: the first
	 * {@value #COUNTED} in the order asked for), by ordinal within each segment (cheap), turned into
	 * names once per segment.
	 */
	private static final class Facets {

		private final Map<String, Integer> categories = new HashMap<>();

		private final Map<String, Integer> years = new HashMap<>();

		private LeafReaderContext leaf;

		private SortedSetDocValues leafCategories;

		private SortedDocValues leafYears;

		private int[] categoryCounts;

		private int[] yearCounts;

		private int last = -1;

		/** The facets of these documents. */
		static Facets of(IndexSearcher searcher, List<Integer> docs) throws IOException {
			Facets facets = new Facets();
			for (int doc : ascending(docs)) {
				LeafReaderContext leaf = leaf(searcher, doc);
				facets.count(leaf, doc - leaf.docBase);
			}
			return facets;
		}

		void count(LeafReaderContext leaf, int doc) throws IOException {
			// doc values are forward-only iterators: fetched again for another leaf or an earlier document
			if (leaf != this.leaf || doc <= this.last) {
				finishLeaf();
				this.leaf = leaf;
				this.leafCategories = leaf.reader().getSortedSetDocValues(PaperFields.CATEGORY);
				this.leafYears = leaf.reader().getSortedDocValues(PaperFields.YEAR);
				this.categoryCounts = (this.leafCategories != null) ? new int[(int) this.leafCategories.getValueCount()] : null;
				this.yearCounts = (this.leafYears != null) ? new int[this.leafYears.getValueCount()] : null;
			}
			this.last = doc;
			if (this.leafCategories != null && this.leafCategories.advanceExact(doc)) {
				for (int i = 0; i < this.leafCategories.docValueCount(); i++) {
					this.categoryCounts[(int) this.leafCategories.nextOrd()]++;
				}
			}
			if (this.leafYears != null && this.leafYears.advanceExact(doc)) {
				this.yearCounts[this.leafYears.ordValue()]++;
			}
		}

		private void finishLeaf() throws IOException {
			if (this.categoryCounts != null) {
				for (int ord = 0; ord < this.categoryCounts.length; ord++) {
					if (this.categoryCounts[ord] > 0) {
						this.categories.merge(this.leafCategories.lookupOrd(ord).utf8ToString(), this.categoryCounts[ord],
								Integer::sum);
					}
				}
			}
			if (this.yearCounts != null) {
				for (int ord = 0; ord < this.yearCounts.length; ord++) {
					if (this.yearCounts[ord] > 0) {
						this.years.merge(this.leafYears.lookupOrd(ord).utf8ToString(), this.yearCounts[ord], Integer::sum);
					}
				}
			}
			this.categoryCounts = null;
			this.yearCounts = null;
		}

		Map<String, Integer> categories() throws IOException {
			finishLeaf();
			Map<String, Integer> sorted = new LinkedHashMap<>();
			this.categories.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(20)
				.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			return sorted;
		}

		Map<String, Integer> years() throws IOException {
			finishLeaf();
			Map<String, Integer> sorted = new LinkedHashMap<>();
			this.years.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByKey().reversed())
				.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			return sorted;
		}

	}

}
