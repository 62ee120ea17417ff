package io.paperboy.account;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code user grant-admin EMAIL} and its siblings. */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class UserVerbTests {

	@Autowired
	private UserVerb verb;

	@Autowired
	private Accounts accounts;

	@Autowired
	private UserDirectory directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void grantAdminMakesTheAccountOfANewAddressAnAdministrator() {
		assertThat(run("grant-admin", "First@Example.org")).isZero();

		Member admin = this.accounts.findByEmail("first@example.org").orElseThrow();
		assertThat(admin.isAdmin()).isTrue();
		assertThat(admin.needsProfile()).isTrue();
		assertThat(text(this.out)).contains("first@example.org is admin").contains("first sign-in");
	}

	@Test
	void aRoleCanBeGrantedAndRevoked() {
		Member member = this.accounts.loadUserByUsername("curious@example.org");

		assertThat(run("grant", "curator", "curious@example.org")).isZero();
		assertThat(this.accounts.find(member.id()).orElseThrow().isCurator()).isTrue();
		assertThat(run("revoke", "curator", "curious@example.org")).isZero();
		assertThat(this.accounts.find(member.id()).orElseThrow().isCurator()).isFalse();
	}

	@Test
	void anImportedSubmitterCanBeLinkedToAnAddressOnce() {
		this.directory.ensureImported("akhaliq", "AK", null, "hf-1");

		assertThat(run("link", "akhaliq", "ak@example.org")).isZero();
		Member linked = this.accounts.loadUserByUsername("ak@example.org");
		assertThat(linked.username()).isEqualTo("akhaliq");
		assertThat(linked.needsProfile()).isFalse();
		assertThat(run("link", "akhaliq", "other@example.org")).isEqualTo(1);
		assertThat(text(this.err)).contains("already signs in as ak@example.org");
	}

	@Test
	void anOperatorDeletesAnAccountByUsernameButNotTheOnlyAdministrators() {
		Member member = this.accounts.chooseProfile(this.accounts.loadUserByUsername("gone@example.org").id(), "gone",
				"Gone Soon");
		this.accounts.grant("boss@example.org", Role.ADMIN);
		Member boss = this.accounts.chooseProfile(this.accounts.findByEmail("boss@example.org").orElseThrow().id(), "boss",
				"Boss");

		assertThat(run("delete", "gone")).isZero();
		assertThat(text(this.out)).contains("The account of gone is deleted");
		assertThat(this.accounts.findByEmail("gone@example.org")).isEmpty();
		assertThat(this.directory.findByUsername("gone")).isEmpty();
		assertThat(this.accounts.find(member.id())).hasValueSatisfying((left) -> assertThat(left.email()).isNull());

		assertThat(run("delete", "gone")).isEqualTo(1);
		assertThat(text(this.err)).contains("No user named gone");
		assertThat(run("delete", "boss")).isEqualTo(1);
		assertThat(text(this.err)).contains("only administrator");
		assertThat(this.accounts.find(boss.id()).orElseThrow().isAdmin()).isTrue();
	}

	@Test
	void badWordsAreRefusedWithTheUsage() {
		assertThat(run("grant", "emperor", "x@example.org")).isEqualTo(1);
		assertThat(text(this.err)).contains("No role emperor");
		assertThat(run("grant-admin", "not-an-address")).isEqualTo(1);
		assertThat(text(this.err)).contains("Not an email address");
		assertThat(run("grant-admin", "adä@example.org")).isEqualTo(1);
		assertThat(text(this.err)).contains("SMTPUTF8");
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(text(this.err)).contains("Usage: user grant-admin EMAIL").contains("user delete USERNAME");
	}

	private int run(String... words) {
		return this.verb.run(List.of(words), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
