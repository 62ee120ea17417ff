package io.paperboy.thumbnail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderTests {

	@Test
	void theInitialsAreTheFirstLettersOfTheFirstTwoWords() {
		assertThat(Placeholder.initials("attention Is All You Need")).isEqualTo("AI");
		assertThat(Placeholder.initials("  Über\n  große Modelle")).isEqualTo("ÜG");
		assertThat(Placeholder.initials("Single")).isEqualTo("S");
	}

	@Test
	void markupInATitleNeverReachesTheSvg() {
		assertThat(Placeholder.initials("<script>alert(1)</script> & \"x\"")).isEqualTo("SX");
		assertThat(Placeholder.svg("<b>&amp;</b>")).doesNotContain("<b>").doesNotContain("&amp;");
	}

	@Test
	void aTitleWithoutLettersLeavesThePageBlank() {
		assertThat(Placeholder.initials("— ∑ —")).isEmpty();
		assertThat(Placeholder.initials(null)).isEmpty();
	}

}
