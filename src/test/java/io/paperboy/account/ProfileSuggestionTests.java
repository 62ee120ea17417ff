package io.paperboy.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The username and display name the welcome page offers, made from an address's local part. */
class ProfileSuggestionTests {

	@Test
	void dotsAndPlusSignsBecomeHyphensAndLettersLowerCase() {
		assertThat(Accounts.usernameFrom("Ada.Lovelace")).isEqualTo("ada-lovelace");
		assertThat(Accounts.usernameFrom("grace_hopper")).isEqualTo("grace_hopper");
		assertThat(Accounts.usernameFrom("a..b--c__d")).isEqualTo("a-b-c-d");
	}

	@Test
	void accentsAreDroppedAndOtherCharactersBecomeHyphens() {
		assertThat(Accounts.usernameFrom("José.Müller")).isEqualTo("jose-muller");
		assertThat(Accounts.usernameFrom("o'brien!")).isEqualTo("o-brien");
	}

	@Test
	void aUsernameStartsAndEndsWithALetterOrDigit() {
		assertThat(Accounts.usernameFrom("_-.x9.-")).isEqualTo("x9");
		assertThat(Accounts.isUsername(Accounts.usernameFrom("--__ab__--"))).isTrue();
	}

	@Test
	void aLongLocalPartIsCutToThirtyNineCharacters() {
		String handle = Accounts.usernameFrom("a".repeat(38) + ".b" + "c".repeat(20));
		assertThat(handle).hasSize(38).isEqualTo("a".repeat(38));
		assertThat(Accounts.isUsername(handle)).isTrue();
	}

	@Test
	void tooLittleLeftGivesMember() {
		assertThat(Accounts.usernameFrom("x")).isEqualTo("member");
		assertThat(Accounts.usernameFrom("李")).isEqualTo("member");
		assertThat(Accounts.usernameFrom("")).isEqualTo("member");
	}

	@Test
	void theDisplayNameIsTheWordsOfTheLocalPartCapitalised() {
		assertThat(Accounts.displayNameFrom("ada.lovelace", "ada-lovelace")).isEqualTo("Ada Lovelace");
		assertThat(Accounts.displayNameFrom("grace_hopper42", "grace_hopper42")).isEqualTo("Grace Hopper");
		assertThat(Accounts.displayNameFrom("李", "member")).isEqualTo("李");
	}

	@Test
	void aLocalPartWithoutWordsGivesTheUsernameAsDisplayName() {
		assertThat(Accounts.displayNameFrom("1234", "1234")).isEqualTo("1234");
		assertThat(Accounts.displayNameFrom("", "member")).isEqualTo("member");
	}

}
