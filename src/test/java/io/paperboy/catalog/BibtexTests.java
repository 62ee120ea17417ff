package io.paperboy.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BibtexTests {

	@Test
	void anEntryHasTheFieldsOfArxivsOwnExport() {
		Paper paper = TestPapers.paper("2506.00001")
			.withTitle("A Study of\n  Things")
			.withAuthors("Ada Lovelace", "Alan Turing")
			.withCategories("cs.CL", "cs.LG")
			.publishedAt(Instant.parse("2025-05-30T17:00:00Z"))
			.build();

		assertThat(Bibtex.of(paper)).isEqualTo("""
				@misc{lovelace2025a,
				  title = {A Study of Things},
				  author = {Ada Lovelace and Alan Turing},
				  year = {2025},
				  eprint = {2506.00001},
				  archivePrefix = {arXiv},
				  primaryClass = {cs.CL},
				  url = {https://arxiv.org/abs/2506.00001}
				}
				""");
	}

	@Test
	void aPaperWithADoiCitesIt() {
		Paper paper = TestPapers.paper("2506.00001").withArxivNotes(null, null, "10.1000/xyz").build();

		assertThat(fields(Bibtex.of(paper))).containsEntry("doi", "10.1000/xyz");
	}

	@Test
	void theKeyIsTheFirstAuthorsFamilyNameTheYearAndAWordOfTheTitleInAscii() {
		Paper paper = TestPapers.paper("2506.00001").withTitle("$\\alpha$-Ångström: Études")
			.withAuthors("Zoë Ångström")
			.publishedAt(Instant.parse("2024-01-01T00:00:00Z"))
			.build();

		assertThat(Bibtex.key(paper)).isEqualTo("angstrom2024alpha");
		assertThat(Bibtex.key(TestPapers.paper("hep-th/9901001").withAuthors("李 华").publishedAt(null).build()))
			.isEqualTo("arxivhepth9901001");
		assertThat(Bibtex.key(TestPapers.paper("hep-th/9901001").withAuthors(new Author[0]).build()))
			.isEqualTo("arxivhepth9901001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Evil}, note = {pwned", "Evil}}}}, note = {pwned", "{{{Evil", "Evil\\}, note = {pwned",
			"Evil\\", "@misc{x, title = {y}}", "\\{Evil}, note = {pwned\\}" })
	void aHostileTitleStaysInsideItsField(String title) {
		Paper paper = TestPapers.paper("2506.00001").withTitle(title).withAuthors("Ada Lovelace").build();

		String entry = Bibtex.of(paper);

		assertThat(entry).startsWith("@misc{lovelace2024").endsWith("\n}\n");
		assertThat(fields(entry).keySet()).containsExactly("title", "author", "year", "eprint", "archivePrefix", "url");
		assertThat(fields(entry).get("title")).satisfies(BibtexTests::balancedForLatex);
	}

	@Test
	void bracesThatPairAndLatexStayAsTheyAre() {
		assertThat(Bibtex.text("{BERT} for $\\alpha$-Schr\\\"odinger \\{sets\\}")).isEqualTo("{BERT} for $\\alpha$-Schr\\\"odinger \\{sets\\}");
	}

	@Test
	void aBraceWithoutItsPartnerIsPrintedRatherThanCounted() {
		assertThat(Bibtex.text("a } b { c")).isEqualTo("a \\textbraceright{} b \\textbraceleft{} c");
		assertThat(Bibtex.text("a \\} b")).isEqualTo("a \\textbraceright{} b");
		assertThat(Bibtex.text("{a \\}")).isEqualTo("\\textbraceleft{}a \\textbraceright{}");
	}

	@Test
	void charactersLatexWouldMisreadAreEscapedOnce() {
		assertThat(Bibtex.text("50% of R&D #1")).isEqualTo("50\\% of R\\&D \\#1");
		assertThat(Bibtex.text("50\\% of R\\&D")).isEqualTo("50\\% of R\\&D");
		assertThat(Bibtex.text("line\\\\% break")).isEqualTo("line\\\\\\% break");
	}

	@Test
	void aLastBackslashCannotEscapeTheClosingBrace() {
		assertThat(Bibtex.text("ends with \\")).isEqualTo("ends with \\ ");
		assertThat(Bibtex.text("ends with \\\\")).isEqualTo("ends with \\\\");
	}

	@Test
	void controlCharactersAndLineBreaksBecomeSpaces() {
		assertThat(Bibtex.text("one\ntwo\u0007three")).isEqualTo("one two three");
	}

	@Test
	void aNameHoldingTheWordAndIsOneAuthor() {
		Paper paper = TestPapers.paper("2506.00001").withAuthors("Tom and Jerry", "Alexandra Anderson", "Andy").build();

		assertThat(fields(Bibtex.of(paper))).containsEntry("author", "{Tom and Jerry} and Alexandra Anderson and Andy");
	}

	/** The entry's fields as BibTeX reads them: a name, then a value up to the brace that closes it. */
	private static Map<String, String> fields(String entry) {
		Map<String, String> fields = new LinkedHashMap<>();
		int i = entry.indexOf(',') + 1;
		while (true) {
			int equals = entry.indexOf('=', i);
			if (equals < 0) {
				break;
			}
			String name = entry.substring(i, equals).strip();
			int open = entry.indexOf('{', equals);
			int depth = 0;
			int close = open;
			for (; close < entry.length(); close++) {
				char c = entry.charAt(close);
				depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
				if (depth == 0) {
					break;
				}
			}
			fields.put(name, entry.substring(open + 1, close));
			i = entry.indexOf(',', close) + 1;
			if (i == 0) {
				break;
			}
		}
		assertThat(entry.substring(entry.lastIndexOf('}', entry.length() - 1))).isEqualTo("}\n");
		return fields;
	}

	/** Groups balanced as LaTeX reads them: a brace after a backslash is printed, not counted. */
	private static void balancedForLatex(String text) {
		List<Integer> depths = new ArrayList<>();
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				i++;
				continue;
			}
			depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
			depths.add(depth);
		}
		assertThat(depths).allSatisfy((d) -> assertThat(d).isNotNegative());
		assertThat(depth).isZero();
		assertThat(text).doesNotEndWith("\\");
	}

}
