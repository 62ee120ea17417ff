package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link SearchQuery} into a Lucene query. A paper must match at least one plain word (any
 * of them: BM25 ranks those that match more, and rarer, words higher, over title, abstract and
 * authors, the title boosted), and every phrase and named field; excluded clauses must not match.
 */
final class QueryCompiler {

	/** Positions a word of a phrase bonus may move: a few words added or dropped still earn it. */
	static final int PHRASE_SLOP = 3;

	private final QueryBuilder builder;

	QueryCompiler(Analyzer analyzer) {
		this.builder = new QueryBuilder(analyzer);
	}

	/** The Lucene query, or {@code null} when nothing in it can match (only stop words, say). */
	Query compile(SearchQuery query) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int positive = 0;
		int negative = 0;
		List<String> words = new ArrayList<>();
		for (SearchQuery.Clause clause : query.clauses()) {
			if (clause.field() == SearchQuery.Field.ANY && !clause.phrase() && !clause.excluded()) {
				words.add(SearchQuery.plainTerms(clause.text()));
				continue;
			}
			Query compiled = clause(clause);
			if (compiled == null) {
				continue;
			}
			if (clause.excluded()) {
				all.add(compiled, Occur.MUST_NOT);
				negative++;
			}
			else {
				all.add(compiled, Occur.MUST);
				positive++;
			}
		}
		Query ranked = rankedWords(String.join(" ", words));
		if (ranked != null) {
			// a paper must match at least one of the plain words; the more it matches, the higher it ranks
			all.add(ranked, Occur.MUST);
			positive++;
		}
		if (positive == 0) {
			if (negative == 0) {
				return null;
			}
			all.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return all.build();
	}

	private Query clause(SearchQuery.Clause clause) {
		String text = clause.phrase() ? clause.text() : SearchQuery.plainTerms(clause.text());
		return switch (clause.field()) {
			case ANY -> anyField(text, clause.phrase());
			case TITLE -> field(PaperFields.TITLE, text, clause.phrase(), Occur.MUST);
			case ABSTRACT -> field(PaperFields.ABSTRACT, text, clause.phrase(), Occur.MUST);
			case AUTHOR -> field(PaperFields.AUTHORS, text, clause.phrase(), Occur.MUST);
			case CATEGORY -> new TermQuery(new Term(PaperFields.CATEGORY, clause.text()));
			case ID -> new TermQuery(new Term(PaperFields.ID, clause.text()));
		};
	}

	/**
	 * The papers that hold the query's plain words as they were typed, in this order, all of them
	 * (a phrase without slop) in the title or the abstract: a pasted title or sentence. {@code null}
	 * when the query has fewer than two such words (one word is not a run of words), or other
	 * clauses. The title counts {@link PaperFields#TITLE_BOOST} times the abstract, as everywhere.
	 */
	Query knownItem(SearchQuery query) {
		List<String> words = new ArrayList<>();
		for (SearchQuery.Clause clause : query.clauses()) {
			if (clause.excluded() && SearchQuery.plainTerms(clause.text()).isBlank()) {
				// a dash between words ("Part 2 -- Results"), not an exclusion
				continue;
			}
			if (clause.field() != SearchQuery.Field.ANY || clause.phrase() || clause.excluded()) {
				return null;
			}
			words.add(SearchQuery.plainTerms(clause.text()));
		}
		String text = String.join(" ", words);
		if (text.isBlank()) {
			return null;
		}
		Query title = this.builder.createPhraseQuery(PaperFields.TITLE, text);
		Query summary = this.builder.createPhraseQuery(PaperFields.ABSTRACT, text);
		if (title == null || title instanceof TermQuery || summary == null) {
			return null;
		}
		return new BooleanQuery.Builder().add(new BoostQuery(title, PaperFields.TITLE_BOOST), Occur.SHOULD)
			.add(summary, Occur.SHOULD)
			.build();
	}

	/**
	 * What the query leaves out ({@code -word}, {@code -"a phrase"}, {@code -category:cs.CV}), as one
	 * query matching the papers to leave out, so a search by meaning leaves them out too; {@code null}
	 * when nothing is excluded.
	 */
	Query exclusions(SearchQuery query) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		boolean some = false;
		for (SearchQuery.Clause clause : query.clauses()) {
			if (!clause.excluded()) {
				continue;
			}
			Query compiled = clause(clause);
			if (compiled != null) {
				any.add(compiled, Occur.SHOULD);
				some = true;
			}
		}
		return some ? any.build() : null;
	}

	/**
	 * Plain words, any of them, with a bonus for papers that have them together in this order (a
	 * sloppy phrase): a pasted title or sentence then finds its paper first, even when another paper
	 * has more of the words in its (boosted) title. One flat disjunction of every field's words and
	 * the phrases: it scores each paper as the nested form would (a sum over the clauses that match;
	 * a phrase cannot match without its words), but lets WAND skip whole blocks of weak matches,
	 * which a disjunction of disjunctions under a required clause does not.
	 */
	private Query rankedWords(String text) {
		Query words = anyField(text, false);
		if (words == null) {
			return null;
		}
		BooleanQuery.Builder ranked = new BooleanQuery.Builder();
		addFlattened(ranked, words, 1f);
		Query titlePhrase = this.builder.createPhraseQuery(PaperFields.TITLE, text, PHRASE_SLOP);
		Query abstractPhrase = this.builder.createPhraseQuery(PaperFields.ABSTRACT, text, PHRASE_SLOP);
		if (titlePhrase != null && !(titlePhrase instanceof TermQuery)) {
			ranked.add(new BoostQuery(titlePhrase, PaperFields.TITLE_BOOST), Occur.SHOULD);
		}
		if (abstractPhrase != null && !(abstractPhrase instanceof TermQuery)) {
			ranked.add(abstractPhrase, Occur.SHOULD);
		}
		return ranked.build();
	}

	/** Adds the leaves of a disjunction (of disjunctions) as optional clauses, each with its boost. */
	private static void addFlattened(BooleanQuery.Builder into, Query query, float boost) {
		if (query instanceof BoostQuery boosted) {
			addFlattened(into, boosted.getQuery(), boost * boosted.getBoost());
		}
		else if (query instanceof BooleanQuery disjunction
				&& disjunction.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.SHOULD)
				&& disjunction.getMinimumNumberShouldMatch() == 0) {
			for (BooleanClause clause : disjunction.clauses()) {
				addFlattened(into, clause.getQuery(), boost);
			}
		}
		else {
			into.add((boost == 1f) ? query : new BoostQuery(query, boost), Occur.SHOULD);
		}
	}

	/** The words in the title (boosted), the abstract or the authors. */
	private Query anyField(String text, boolean phrase) {
		if (text.isBlank()) {
			return null;
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		boolean some = false;
		Query title = field(PaperFields.TITLE, text, phrase, Occur.SHOULD);
		if (title != null) {
			any.add(new BoostQuery(title, PaperFields.TITLE_BOOST), Occur.SHOULD);
			some = true;
		}
		Query summary = field(PaperFields.ABSTRACT, text, phrase, Occur.SHOULD);
		if (summary != null) {
			any.add(summary, Occur.SHOULD);
			some = true;
		}
		Query authors = field(PaperFields.AUTHORS, text, phrase, Occur.SHOULD);
		if (authors != null) {
			any.add(authors, Occur.SHOULD);
			some = true;
		}
		return some ? any.build() : null;
	}

	private Query field(String field, String text, boolean phrase, Occur wordsOccur) {
		if (text.isBlank()) {
			return null;
		}
		return phrase ? this.builder.createPhraseQuery(field, text) : this.builder.createBooleanQuery(field, text, wordsOccur);
	}

}
