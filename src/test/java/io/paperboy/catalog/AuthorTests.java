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

	@Test
	void aKeyIsNoLongerThanItsColumn() {
		assertThat(Author.nameKey("x".repeat(800))).hasSize(Author.NAME_KEY_LENGTH);
	}

}
