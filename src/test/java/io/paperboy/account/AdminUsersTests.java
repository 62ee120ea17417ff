package io.paperboy.account;

import io.paperboy.support.TestMembers;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.paperboy.support.TestMembers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /admin/users}: administrators grant and revoke roles and link imported submitters. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class AdminUsersTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Accounts accounts;

	@Autowired
	private UserDirectory users;

	private Member admin;

	@BeforeEach
	void oneAdministrator() {
		this.admin = TestMembers.member(this.accounts, "root-admin", "Rosalind Admin", Role.ADMIN);
	}

	@Test
	void theRolesPageListsEveryoneWithARole() throws Exception {
		TestMembers.member(this.accounts, "grace", "Grace Hopper", Role.CURATOR);
		TestMembers.member(this.accounts, "ada", "Ada Lovelace");

		String page = HtmlText.of(this.mvc.perform(get("/admin/users").with(signedIn(this.admin)).with(remote()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(page).contains("Grace Hopper grace grace@example.org curator")
			.contains("Rosalind Admin root-admin root-admin@example.org admin")
			.doesNotContain("Ada Lovelace");
	}

	@Test
	void anAdministratorGrantsAndRevokesCuratorByAddress() throws Exception {
		Member ada = TestMembers.member(this.accounts, "ada", "Ada Lovelace");

		this.mvc.perform(post("/admin/users/grant").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("email", " Ada@Example.org ")
			.param("role", "curator"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "ada@example.org is now a curator."));
		assertThat(this.accounts.find(ada.id()).orElseThrow().isCurator()).isTrue();

		this.mvc.perform(post("/admin/users/revoke").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("id", Long.toString(ada.id()))
			.param("role", "curator"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(this.accounts.find(ada.id()).orElseThrow().isCurator()).isFalse();
	}

	@Test
	void grantingToAnAddressWithoutAnAccountMakesOneThatSignsInWithTheRole() throws Exception {
		this.mvc.perform(post("/admin/users/grant").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("email", "newcomer@example.org")
			.param("role", "admin"))
			.andExpect(redirectedUrl("/admin/users"));

		assertThat(this.accounts.findByEmail("newcomer@example.org")).hasValueSatisfying(
				(member) -> assertThat(member.isAdmin()).isTrue());
	}

	@Test
	void aBadAddressOrRoleIsRefusedWithTheAddressKept() throws Exception {
		String page = this.mvc.perform(post("/admin/users/grant").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("email", "not-an-address")
			.param("role", "curator"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Not an email address: not-an-address").contains("value=\"not-an-address\"");

		this.mvc.perform(post("/admin/users/grant").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("email", "ada@example.org")
			.param("role", "emperor"))
			.andExpect(status().isBadRequest());
		assertThat(this.accounts.findByEmail("ada@example.org")).isEmpty();
	}

	@Test
	void anAdministratorLinksAnImportedSubmitterToAnAddress() throws Exception {
		User ak = this.users.ensureImported("akhaliq", "AK", null, null);

		this.mvc.perform(post("/admin/users/link").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("username", "akhaliq")
			.param("email", "ak@example.org"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "ak@example.org now signs in as akhaliq (AK)."));

		assertThat(this.accounts.findByEmail("ak@example.org")).hasValueSatisfying(
				(member) -> assertThat(member.id()).isEqualTo(ak.id()));
	}

	@Test
	void linkingAnUnknownUsernameIsRefusedWithTheFormKept() throws Exception {
		String page = this.mvc.perform(post("/admin/users/link").with(signedIn(this.admin)).with(remote()).with(csrf())
			.param("username", "nobody")
			.param("email", "nobody@example.org"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("No user named nobody").contains("value=\"nobody@example.org\"");
		assertThat(this.accounts.findByEmail("nobody@example.org")).isEmpty();
	}

	/** Every refusal on an operators' page, a missing CSRF token included, is a 404 there. */
	@Test
	void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/admin/users/grant").with(signedIn(this.admin)).with(remote())
			.param("email", "ada@example.org")
			.param("role", "admin"))
			.andExpect(status().isNotFound());

		assertThat(this.accounts.findByEmail("ada@example.org")).isEmpty();
	}

	@Test
	void theRolesPageDoesNotExistForACuratorOrAMember() throws Exception {
		Member curator = TestMembers.member(this.accounts, "grace", "Grace Hopper", Role.CURATOR);

		this.mvc.perform(get("/admin/users").with(signedIn(curator)).with(remote())).andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/grant").with(signedIn(curator)).with(remote()).with(csrf())
			.param("email", "grace@example.org")
			.param("role", "admin"))
			.andExpect(status().isNotFound());
		assertThat(this.accounts.find(curator.id()).orElseThrow().isAdmin()).isFalse();
	}

	/** From another machine, so that only the member's role opens the page (not the loopback). */
	private static RequestPostProcessor remote() {
		return (request) -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		};
	}

}
