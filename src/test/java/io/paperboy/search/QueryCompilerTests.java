package io.paperboy.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the compiled query. The plain words must stay one flat disjunction: nested again (a
 * disjunction per field under a required clause, the phrases beside it), the scores are the same but
 * Lucene can no longer skip the weak matches, and a word search at 2.7 million papers takes six times
 * as long (docs/search.md). {@link QueryCompilerRealArchiveTests} checks, on the real archive, that the
 * flat form ranks as the nested one did.
 */
class QueryCompilerTests {

	private final QueryCompiler compiler = new QueryCompiler(PaperFields.analyzer());

	@Test
	void plainWordsAreOneFlatDisjunctionOfEachFieldsWordsAndThePhraseBonuses() {
		BooleanQuery words = plainWords(this.compiler.compile(SearchQuery.parse("reward tampering")));
		assertThat(words.clauses()).allSatisfy((clause) -> assertThat(clause.getOccur()).isEqualTo(Occur.SHOULD));
		assertThat(words.getMinimumNumberShouldMatch()).isZero();
		assertThat(words.clauses()).extracting((clause) -> describe(clause.getQuery()))
			.containsExactlyInAnyOrder("title:reward^3.0", "title:tamper^3.0", "abstract:reward", "abstract:tamper",
					"authors:reward", "authors:tampering", "phrase title:\"reward tamper\"~3^3.0",
					"phrase abstract:\"reward tamper\"~3");
	}

	@Test
	void noClauseOfThePlainWordsIsItselfABooleanQuery() {
		for (String text : List.of("reward tampering", "instruction-guided video editing", "Chae Won Kim",
				"a survey of large language models for code")) {
			BooleanQuery words = plainWords(this.compiler.compile(SearchQuery.parse(text)));
			assertThat(words.clauses()).as(text)
				.noneSatisfy((clause) -> assertThat(unboosted(clause.getQuery())).isInstanceOf(BooleanQuery.class));
		}
	}

	@Test
	void oneWordHasNoPhraseBonus() {
		BooleanQuery words = plainWords(this.compiler.compile(SearchQuery.parse("tampering")));
		assertThat(words.clauses()).extracting((clause) -> describe(clause.getQuery()))
			.containsExactlyInAnyOrder("title:tamper^3.0", "abstract:tamper", "authors:tampering");
	}

	@Test
	void phrasesAndFieldsStayRequiredBesideTheFlatWords() {
		BooleanQuery all = (BooleanQuery) this.compiler.compile(SearchQuery.parse("\"reward tampering\" author:Lee agents"));
		assertThat(all.clauses()).extracting(BooleanClause::getOccur).containsOnly(Occur.MUST);
		assertThat(all.clauses()).hasSize(3);
		BooleanQuery words = plainWords(all);
		assertThat(words.clauses()).extracting((clause) -> describe(clause.getQuery()))
			.containsExactlyInAnyOrder("title:agent^3.0", "abstract:agent", "authors:agents");
	}

	@Test
	void aQuotedPhraseAloneHasNoPlainWords() {
		BooleanQuery all = (BooleanQuery) this.compiler.compile(SearchQuery.parse("\"reward tampering\""));
		assertThat(all.clauses()).noneSatisfy((clause) -> assertThat(hasTermLeaf(clause.getQuery())).isTrue());
	}

	/**
	 * The required clause of the compiled query that holds the plain words: a disjunction with single
	 * words among its leaves (a quoted phrase's clause holds phrases only).
	 */
	static BooleanQuery plainWords(Query compiled) {
		assertThat(compiled).isInstanceOf(BooleanQuery.class);
		List<BooleanQuery> disjunctions = new ArrayList<>();
		for (BooleanClause clause : ((BooleanQuery) compiled).clauses()) {
			if (clause.getOccur() == Occur.MUST && clause.getQuery() instanceof BooleanQuery inner
					&& inner.clauses().stream().allMatch((c) -> c.getOccur() == Occur.SHOULD) && hasTermLeaf(inner)) {
				disjunctions.add(inner);
			}
		}
		assertThat(disjunctions).as("the plain words' clause of %s", compiled).hasSize(1);
		return disjunctions.get(0);
	}

	/** Whether a single word is among the query's leaves, however deep. */
	private static boolean hasTermLeaf(Query query) {
		Query inner = unboosted(query);
		if (inner instanceof BooleanQuery bool) {
			return bool.clauses().stream().anyMatch((clause) -> hasTermLeaf(clause.getQuery()));
		}
		return inner instanceof TermQuery;
	}

	private static Query unboosted(Query query) {
		return (query instanceof BoostQuery boosted) ? unboosted(boosted.getQuery()) : query;
	}

	/** A leaf as "field:term", "phrase field:"words"~slop", with "^boost" when boosted. */
	private static String describe(Query query) {
		if (query instanceof BoostQuery boosted) {
			return describe(boosted.getQuery()) + "^" + boosted.getBoost();
		}
		if (query instanceof TermQuery term) {
			Term t = term.getTerm();
			return t.field() + ":" + t.text();
		}
		if (query instanceof PhraseQuery phrase) {
			return "phrase " + phrase;
		}
		return query.getClass().getSimpleName() + " " + query;
	}

}
