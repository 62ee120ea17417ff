package io.paperboy.library;

import java.util.List;

import io.paperboy.catalog.Paper;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** BibTeX and RIS of papers whose texts try to break out of their fields. */
class CitationsTests {

	@Test
	void bibtexEscapesItsSpecialCharactersSoATitleCannotCloseItsEntry() {
		assertThat(Citations.bibText("50% of {x} costs $5 & #1 a_b ~c ^d \\e"))
			.isEqualTo("50\\% of \\{x\\} costs \\$5 \\& \\#1 a\\_b \\textasciitilde{}c \\textasciicircum{}d \\textbackslash{}e");
	}

	@Test
	void aTitleOnSeveralLinesIsOneLineInBothFormats() {
		Paper paper = TestPapers.paper("2506.00001").withTitle("A title\n}\n@misc{evil,").build();
		List<Citations.Cited> cited = List.of(new Citations.Cited(paper, "line one\r\nTY  - JOUR"));

		assertThat(Citations.bibtex(cited)).contains("title = {{A title \\} @misc\\{evil,}},")
			.doesNotContain("\n@misc{evil");
		assertThat(Citations.ris(cited)).contains("TI  - A title } @misc{evil,\r\n")
			.contains("N1  - line one TY - JOUR\r\n")
			.doesNotContain("\r\nTY  - JOUR");
	}

	@Test
	void anOldStyleIdMakesAKeyBibtexAccepts() {
		assertThat(Citations.bibKey("hep-th/9901001")).isEqualTo("arXiv:hep-th_9901001");
		assertThat(Citations.bibKey("2506.00001")).isEqualTo("arXiv:2506.00001");
	}

	@Test
	void aSlugIsMadeFromAnyName() {
		assertThat(Library.slugOf("Reading group — Ängström 2025!")).isEqualTo("reading-group-angstrom-2025");
		assertThat(Library.slugOf("日本語")).isEqualTo("collection");
		assertThat(Library.slugOf("a".repeat(80) + " b")).hasSize(64);
	}

}
