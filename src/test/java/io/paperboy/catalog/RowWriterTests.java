package io.paperboy.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowWriterTests {

	@Test
	void nullIsAnUnquotedEmptyFieldAndEmptyTextAQuotedOne() {
		assertThat(csv(null)).isEmpty();
		assertThat(csv("")).isEqualTo("\"\"");
	}

	@Test
	void quotesAreDoubledAndCommasAndLineBreaksKeptInsideTheQuotes() {
		assertThat(csv("a \"quoted\", word\nnext line")).isEqualTo("\"a \"\"quoted\"\", word\nnext line\"");
	}

	@Test
	void backslashesAreNotEscapesInCsv() {
		assertThat(csv("$\\alpha$ \\N")).isEqualTo("\"$\\alpha$ \\N\"");
	}

	private static String csv(Object value) {
		StringBuilder csv = new StringBuilder();
		RowWriter.appendCsv(csv, value);
		return csv.toString();
	}

}
