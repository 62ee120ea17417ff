package io.paperboy.catalog;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

	/** What unwrapping did with a regular expression before; it must still do exactly that. */
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "one", "  Attention Is All\n  You Need ", "a\r\nb", "a \n b", "tab\tand\u000Bform\ffeed",
			"ends with a space ", "\n\nleading lines", "double  space", "no\u00A0break kept", "line\nend\n",
			"\u2003em space ends\u2003" })
	void unwrappingJoinsLinesAndCollapsesRunsOfSpaces(String text) {
		assertThat(Text.unwrap(text)).isEqualTo(WHITESPACE.matcher(text).replaceAll(" ").strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "We study\nreward tampering", "Already one paragraph." })
	void unwrappingGivesOneParagraph(String text) {
		assertThat(Text.unwrap(text)).doesNotContain("\n").doesNotContain("  ");
	}

	@org.junit.jupiter.api.Test
	void nothingUnwrapsToNothing() {
		assertThat(Text.unwrap(null)).isEmpty();
	}

}
