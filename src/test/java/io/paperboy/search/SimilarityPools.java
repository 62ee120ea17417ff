package io.paperboy.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Graded pools of candidates for query papers, shaped like an expert similarity benchmark (a query
 * paper, a pool of a few dozen candidates graded 0 to 3, ranked by the method under test and scored
 * by NDCG at 20% of the pool), with weak relevance instead of experts, from the papers of Hugging
 * Face's daily lists that carry keywords ({@code ai_keywords}: the methods, tasks and models a paper
 * is about, extracted from it by a language model, a judge independent of the models compared here)
 * and from co-authorship. Keywords are compared normalised (lower case, a parenthesis and a final "s"
 * dropped), and only specific ones count: held by at least 2 and at most {@value #GENERIC_KEYWORD}
 * papers ("large language models", in 700, says nothing).
 * <ul>
 * <li><b>3</b>: at least 3 specific keywords shared, or at least 1 and co-authored;</li>
 * <li><b>2</b>: 2 shared, or co-authored;</li>
 * <li><b>1</b>: 1 shared;</li>
 * <li><b>0</b>: none.</li>
 * </ul>
 * Co-authored: at least two shared authors, or one shared author with at most
 * {@value #DISTINCTIVE_AUTHOR} papers in the set (a common name, or a lab head on dozens of papers,
 * says little).
 * <p>
 * Query papers are those with at least {@value #MIN_PARTNERS} grade-3 papers. The catalog is the
 * query papers, all their grade-3 papers and papers drawn at random. A pool, like a pool judged by
 * experts, holds what retrieval systems found plus a few known relevant and random papers: up to
 * {@value #PARTNERS} grade-3 papers, the top {@value #POOLED} of the catalog by words (BM25, "more
 * like this") and the top {@value #POOLED} by meaning (the pooling vectors), and {@value #RANDOM}
 * papers at random. Queries are split into a tuning half and a held-out half by the seed.
 */
final class SimilarityPools {

	static final int DISTINCTIVE_AUTHOR = 8;

	static final int GENERIC_KEYWORD = 100;

	static final int MIN_PARTNERS = 2;

	static final int PARTNERS = 6;

	static final int POOLED = 12;

	static final int RANDOM = 8;

	private final Map<String, IndexedPaper> papers = new LinkedHashMap<>();

	private final Map<String, Set<String>> authors = new HashMap<>();

	private final Map<String, List<String>> papersOf = new HashMap<>();

	private final Map<String, Set<String>> keywords = new HashMap<>();

	private final Map<String, List<String>> papersWith = new HashMap<>();

	/**
	 * @param all papers, of which those with keywords are kept
	 * @param keywords each paper's keywords as given
	 */
	SimilarityPools(List<IndexedPaper> all, Map<String, List<String>> keywords) {
		Map<String, Integer> frequency = new HashMap<>();
		Map<String, Set<String>> normalised = new HashMap<>();
		for (IndexedPaper paper : all) {
			List<String> given = keywords.get(paper.id());
			if (given == null || given.isEmpty() || paper.summary().isBlank()) {
				continue;
			}
			Set<String> words = new LinkedHashSet<>();
			given.forEach((keyword) -> words.add(normalised(keyword)));
			words.forEach((keyword) -> frequency.merge(keyword, 1, Integer::sum));
			normalised.put(paper.id(), words);
			this.papers.put(paper.id(), paper);
		}
		for (IndexedPaper paper : this.papers.values()) {
			Set<String> specific = new HashSet<>();
			for (String keyword : normalised.get(paper.id())) {
				int n = frequency.get(keyword);
				if (n >= 2 && n <= GENERIC_KEYWORD) {
					specific.add(keyword);
					this.papersWith.computeIfAbsent(keyword, (key) -> new ArrayList<>()).add(paper.id());
				}
			}
			this.keywords.put(paper.id(), specific);
			Set<String> names = new LinkedHashSet<>();
			for (String author : paper.authors()) {
				String name = author.strip().toLowerCase(Locale.ROOT);
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
			this.authors.put(paper.id(), names);
			names.forEach((name) -> this.papersOf.computeIfAbsent(name, (key) -> new ArrayList<>()).add(paper.id()));
		}
	}

	static String normalised(String keyword) {
		String word = keyword.toLowerCase(Locale.ROOT).replaceAll("\\s*\\([^)]*\\)", "").strip();
		return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	/** The papers that can be graded. */
	List<IndexedPaper> papers() {
		return List.copyOf(this.papers.values());
	}

	/** Whether two papers are co-authored, in the sense of the grades. */
	boolean coauthored(String a, String b) {
		int shared = 0;
		boolean distinctive = false;
		for (String name : this.authors.get(a)) {
			if (this.authors.get(b).contains(name)) {
				shared++;
				distinctive |= this.papersOf.get(name).size() <= DISTINCTIVE_AUTHOR;
			}
		}
		return shared >= 2 || (shared == 1 && distinctive);
	}

	/** The weak relevance of {@code candidate} to {@code query}, 0 to 3. */
	int grade(String query, String candidate) {
		Set<String> shared = new HashSet<>(this.keywords.get(query));
		shared.retainAll(this.keywords.get(candidate));
		boolean coauthored = coauthored(query, candidate);
		if (shared.size() >= 3 || (shared.size() >= 1 && coauthored)) {
			return 3;
		}
		if (shared.size() == 2 || coauthored) {
			return 2;
		}
		return shared.size();
	}

	/** The grade-3 papers of a paper. */
	List<String> partners(String id) {
		Set<String> candidates = new LinkedHashSet<>();
		for (String keyword : this.keywords.get(id)) {
			candidates.addAll(this.papersWith.get(keyword));
		}
		candidates.remove(id);
		return candidates.stream().filter((other) -> grade(id, other) == 3).toList();
	}

	/**
	 * Draws {@code queries} query papers and a catalog of {@code size} papers that holds them and
	 * their grade-3 papers.
	 */
	Catalog catalog(int queries, int size, long seed) {
		List<String> ids = new ArrayList<>(this.papers.keySet());
		Collections.shuffle(ids, new Random(seed));
		LinkedHashSet<String> catalog = new LinkedHashSet<>();
		List<String> chosen = new ArrayList<>();
		for (String id : ids) {
			if (chosen.size() == queries) {
				break;
			}
			List<String> partners = partners(id);
			if (partners.size() >= MIN_PARTNERS && !catalog.contains(id)) {
				chosen.add(id);
				catalog.add(id);
				catalog.addAll(partners);
			}
		}
		for (String id : ids) {
			if (catalog.size() >= size) {
				break;
			}
			catalog.add(id);
		}
		return new Catalog(chosen.stream().map(this.papers::get).toList(),
				catalog.stream().map(this.papers::get).toList());
	}

	/**
	 * The pools of the catalog's queries, split in two halves by the seed.
	 * @param byWords the catalog's papers most like a paper by words, best first, itself left out
	 * @param byMeaning the same by meaning
	 */
	Split pools(Catalog catalog, Function<IndexedPaper, List<String>> byWords,
			Function<IndexedPaper, List<String>> byMeaning, long seed) {
		Random random = new Random(seed);
		List<String> everyone = catalog.papers().stream().map(IndexedPaper::id).toList();
		List<Pool> pools = new ArrayList<>();
		for (IndexedPaper query : catalog.queries()) {
			LinkedHashSet<String> pool = new LinkedHashSet<>();
			List<String> partners = new ArrayList<>(partners(query.id()));
			Collections.shuffle(partners, random);
			pool.addAll(partners.subList(0, Math.min(PARTNERS, partners.size())));
			pool.addAll(byWords.apply(query).stream().limit(POOLED).toList());
			pool.addAll(byMeaning.apply(query).stream().limit(POOLED).toList());
			int target = pool.size() + RANDOM;
			while (pool.size() < target) {
				pool.add(everyone.get(random.nextInt(everyone.size())));
			}
			pool.remove(query.id());
			List<String> shuffled = new ArrayList<>(pool);
			// the order a pool is handed over in must tell nothing
			Collections.shuffle(shuffled, random);
			List<Candidate> candidates = shuffled.stream().map((id) -> new Candidate(id, grade(query.id(), id))).toList();
			pools.add(new Pool(query, candidates));
		}
		Collections.shuffle(pools, random);
		int half = pools.size() / 2;
		return new Split(List.copyOf(pools.subList(0, half)), List.copyOf(pools.subList(half, pools.size())));
	}

	/** Query papers and the catalog (every paper that can be found) that holds them. */
	record Catalog(List<IndexedPaper> queries, List<IndexedPaper> papers) {
	}

	/** A pool's member with its grade. */
	record Candidate(String id, int grade) {
	}

	/** A query paper and the graded candidates to rank. */
	record Pool(IndexedPaper query, List<Candidate> candidates) {

		/** How many of the ranking count: 20% of the pool, rounded up. */
		int cutoff() {
			return (int) Math.ceil(0.2 * this.candidates.size());
		}

		List<String> ids() {
			return this.candidates.stream().map(Candidate::id).toList();
		}

		/**
		 * NDCG at 20% of the pool of a ranking of the pool (gain = grade, discount log2(rank + 1)).
		 * Ids not in the pool are skipped; pool members the ranking leaves out count as ranked last.
		 */
		double ndcg(List<String> ranking) {
			Map<String, Integer> grades = new HashMap<>();
			this.candidates.forEach((candidate) -> grades.put(candidate.id(), candidate.grade()));
			int k = cutoff();
			double dcg = 0;
			int rank = 0;
			for (String id : ranking) {
				Integer grade = grades.remove(id);
				if (grade == null) {
					continue;
				}
				rank++;
				if (rank > k) {
					break;
				}
				dcg += grade / log2(rank + 1);
			}
			List<Integer> ideal = new ArrayList<>(this.candidates.stream().map(Candidate::grade).toList());
			ideal.sort(Collections.reverseOrder());
			double best = 0;
			for (int i = 0; i < k && i < ideal.size(); i++) {
				best += ideal.get(i) / log2(i + 2);
			}
			return (best == 0) ? 0 : dcg / best;
		}

		private static double log2(double x) {
			return Math.log(x) / Math.log(2);
		}

		/** How many candidates have this grade. */
		long count(int grade) {
			return this.candidates.stream().filter((candidate) -> candidate.grade() == grade).count();
		}

	}

	/** The pools for choosing a method, and those for confirming the choice. */
	record Split(List<Pool> tuning, List<Pool> heldOut) {
	}

}
