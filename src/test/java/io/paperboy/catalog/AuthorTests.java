package io.paperboy.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorTests {

	@Test
	void aNamesKeySetsAsideCaseAccentsAndSpaces() {
		assertThat(Author.nameKey("  Zoë \t Ångström ")).isEqualTo("zoe angstrom");
		assertThat(Author.nameKey("ZOE ANGSTROM")).isEqualTo("zoe angstrom");
		assertThat(Author.nameKey("Ｚｏｅ")).as("full-width letters").isEqualTo("zoe");
		assertThat(Author.nameKey("李华")).isEqualTo("李华");
	}

	@Test
	void charactersThatCannotTravelInAnAddressCountAsSpaces() {
		assertThat(Author.nameKey("A/B\\C;D%E")).isEqualTo("a b c d e");
		assertThat(Author.pagePath("A/B\\C;D%E")).isEqualTo("/authors/A%20B%20C%20D%20E");
		assertThat(Author.nameKey("A/B\\C;D%E")).isEqualTo(Author.nameKey("A B C D E"));
	}

	@Test
	void aPagePathEncodesTheNameAsOneSegment() {
		assertThat(new Author("Zoë Ångström", null, false).pagePath()).isEqualTo("/authors/Zo%C3%AB%20%C3%85ngstr%C3%B6m");
		assertThat(Author.pagePath("Who? #1")).isEqualTo("/authors/Who%3F%20%231");
	}

	/** Printable ASCII names take a shorter road to their keys: the keys must be the same. */
	@Test
	void aPlainAsciiNameHasTheKeyOfTheSameNameWithAnAccentedLetter() {
		assertThat(Author.nameKey("  O'Brien-SMITH,   J. R.  ")).isEqualTo("o'brien-smith, j. r.");
		assertThat(Author.nameKey("  O'Brien-SMITH,   J. R.  é")).isEqualTo("o'brien-smith, j. r. e");
		assertThat(Author.nameKey(" %A//B; ")).isEqualTo("a b");
		assertThat(Author.nameKey("Ada\tLovelace")).as("a tab: the other road").isEqualTo("ada lovelace");
		assertThat(Author.nameKey("Ada\u001fLovelace")).as("a control character is kept").isEqualTo("ada\u001flovelace");
		assertThat(Author.nameKey("~{}[]@ 0-9")).isEqualTo("~{}[]@ 0-9");
		assertThat(Author.nameKey(" ; ")).isEmpty();
		assertThat(Author.nameKey("ab ".repeat(300))).hasSize(Author.NAME_KEY_LENGTH)
			.isEqualTo(Author.nameKey("ab ".repeat(300) + "\u00e9").substring(0, Author.NAME_KEY_LENGTH));
	}

	@Test
	void aKeyIsNoLongerThanItsColumn() {
		assertThat(Author.nameKey("x".repeat(800))).hasSize(Author.NAME_KEY_LENGTH);
	}

}
