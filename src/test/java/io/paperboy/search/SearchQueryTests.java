package io.paperboy.search;

import java.util.List;

import io.paperboy.search.SearchQuery.Clause;
import io.paperboy.search.SearchQuery.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

	@Test
	void plainWordsAreClausesOfAnyField() {
		assertThat(SearchQuery.parse("reward  tampering").clauses()).containsExactly(
				new Clause(Field.ANY, "reward", false, false), new Clause(Field.ANY, "tampering", false, false));
	}

	@Test
	void quotedWordsAreOnePhrase() {
		assertThat(SearchQuery.parse("\"reward tampering\" agents").clauses()).containsExactly(
				new Clause(Field.ANY, "reward tampering", true, false), new Clause(Field.ANY, "agents", false, false));
	}

	@Test
	void namedFieldsTakeAWordOrAPhrase() {
		assertThat(SearchQuery.parse("author:\"Ada Lovelace\" title:engines category:cs.CL abstract:looms").clauses())
			.containsExactly(new Clause(Field.AUTHOR, "Ada Lovelace", true, false),
					new Clause(Field.TITLE, "engines", false, false), new Clause(Field.CATEGORY, "cs.CL", false, false),
					new Clause(Field.ABSTRACT, "looms", false, false));
	}

	@Test
	void aLeadingMinusExcludes() {
		assertThat(SearchQuery.parse("vision -\"image classification\" -category:cs.CV").clauses()).containsExactly(
				new Clause(Field.ANY, "vision", false, false), new Clause(Field.ANY, "image classification", true, true),
				new Clause(Field.CATEGORY, "cs.CV", false, true));
	}

	@Test
	void anUnknownFieldNameIsReadAsAPlainWord() {
		assertThat(SearchQuery.parse("foo:bar").clauses()).containsExactly(new Clause(Field.ANY, "foo:bar", false, false));
	}

	@Test
	void aQuoteLeftOpenMakesTheRestPlainWords() {
		assertThat(SearchQuery.parse("agents \"reward tampering").clauses()).containsExactly(
				new Clause(Field.ANY, "agents", false, false), new Clause(Field.ANY, "reward tampering", false, false));
	}

	@Test
	void syntaxAloneGivesAnEmptyQuery() {
		assertThat(SearchQuery.parse("  -  \"\" ").isEmpty()).isFalse();
		assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
		assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
	}

	@Test
	void theTextToEmbedLeavesOutExclusionsAndCategories() {
		assertThat(SearchQuery.parse("reward hacking -survey category:cs.AI author:Lee").positiveText())
			.isEqualTo("reward hacking Lee");
	}

	@Test
	void queriesThatLuceneSyntaxWouldRejectStillCompile() {
		QueryCompiler compiler = new QueryCompiler(PaperFields.analyzer());
		for (String query : List.of("AND", "(unbalanced", "title:", "a OR", "\"", "***", "c++ -", "x:y:z", "[1 TO",
				"\\", "-the", "title:\"\"")) {
			compiler.compile(SearchQuery.parse(query));
		}
		assertThat(compiler.compile(SearchQuery.parse("*** ?? ~"))).isNull();
		assertThat(compiler.compile(SearchQuery.parse("(unbalanced")).toString()).contains("title:unbalanc");
	}

	@Test
	void anArxivIdOnItsOwnIsAnIdClause() {
		assertThat(SearchQuery.parse("arXiv:2401.00001v2 -2402.00002 2401").clauses()).containsExactly(
				new Clause(Field.ID, "2401.00001", false, false), new Clause(Field.ID, "2402.00002", false, true),
				new Clause(Field.ANY, "2401", false, false));
		assertThat(SearchQuery.parse("title:2401.00001").clauses())
			.containsExactly(new Clause(Field.TITLE, "2401.00001", false, false));
	}

	@Test
	void fieldsPhrasesAndIdsAreAnsweredByWordsAndPlainWordsWithExclusionsAreNot() {
		assertThat(SearchQuery.parse("author:hinton").answeredByWords()).isTrue();
		assertThat(SearchQuery.parse("\"reward tampering\"").answeredByWords()).isTrue();
		assertThat(SearchQuery.parse("agents category:cs.AI").answeredByWords()).isTrue();
		assertThat(SearchQuery.parse("2401.00001").answeredByWords()).isTrue();
		assertThat(SearchQuery.parse("reward tampering -survey -\"large language\" -category:cs.CV").answeredByWords())
			.isFalse();
	}

	@Test
	void theWordsOfferedForASearchByMeaningLeaveOutAuthorsIdsAndExclusions() {
		assertThat(SearchQuery.parse("\"reward tampering\" title:agents author:Lee 2401.00001 -survey").meaningText())
			.isEqualTo("reward tampering agents");
		assertThat(SearchQuery.parse("author:hinton").meaningText()).isEmpty();
	}

}
