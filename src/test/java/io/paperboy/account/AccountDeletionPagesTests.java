package io.paperboy.account;

import java.time.LocalDate;

import io.paperboy.catalog.Catalog;
import io.paperboy.community.Comments;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Delete my account": the form on {@code /settings/account}, confirmed by typing the username (no
 * script needed), and {@code DELETE /api/me}; both for the signed-in member alone, with the CSRF token.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class AccountDeletionPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Accounts accounts;

	@Autowired
	private Catalog catalog;

	@Autowired
	private Comments comments;

	private static final String PAPER = "2506.00001";

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Test
	void theAccountPageOffersADeletionConfirmedByTypingTheUsername() throws Exception {
		Member member = TestMembers.create(this.accounts, "Ada Lovelace");

		this.mvc.perform(get("/settings/account").with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2 id=\"delete-account\">Delete my account</h2>")))
			.andExpect(content().string(containsString("action=\"/settings/account/delete\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("Type your username, <strong>" + member.username() + "</strong>")))
			.andExpect(content().string(containsString("href=\"/settings/signals.json\"")))
			.andExpect(content().string(containsString("<form class=\"stacked\" method=\"post\" action=\"/settings/account/delete\">")));
	}

	@Test
	void theCommentsAndSubmissionsOfADeletedMemberShowADeletedMemberWithoutALink() throws Exception {
		Member member = TestMembers.create(this.accounts, "Leaving Member");
		this.catalog.savePaper(TestPapers.paper(PAPER).withTitle("A paper").build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(PAPER, JUNE_2, member.id()));
		this.comments.post(PAPER, null, member, "Still worth reading");

		this.accounts.delete(member.id(), member.username());

		this.mvc.perform(get("/papers/" + PAPER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span class=\"comment-author\">a deleted member</span>")))
			.andExpect(content().string(containsString("Submitted by a deleted member</span>")))
			.andExpect(content().string(containsString("Still worth reading")))
			.andExpect(content().string(not(containsString("Leaving Member"))))
			.andExpect(content().string(not(containsString("/u/deleted~"))));
		this.mvc.perform(get("/papers/date/" + JUNE_2))
			.andExpect(content().string(containsString("Submitted by a deleted member</span>")));
		this.mvc.perform(get("/u/" + member.username())).andExpect(status().isNotFound());
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToSignInFirst() throws Exception {
		this.mvc.perform(get("/settings/account"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/signin?continue=*"));
		this.mvc.perform(post("/settings/account/delete").param("username", "anyone").with(csrf()))
			.andExpect(status().isSeeOther());
	}

	@Test
	void aConfirmationThatIsNotTheUsernameIsShownWhyAndDeletesNothing() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/settings/account/delete").param("username", "not-me")
			.with(TestMembers.signedIn(member))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("type your username, " + member.username() + ", in the box")))
			.andExpect(content().string(containsString("value=\"not-me\"")));

		assertThat(this.accounts.findByEmail(member.email())).isPresent();
	}

	@Test
	void theRightConfirmationDeletesTheAccountEndsTheSessionAndSaysSo() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/settings/account/delete").param("username", " " + member.username() + " ")
			.with(TestMembers.signedIn(member))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/account/deleted"));

		assertThat(this.accounts.findByEmail(member.email())).isEmpty();
		this.mvc.perform(get("/account/deleted"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your account was deleted")))
			.andExpect(content().string(containsString(">Sign in<")));
	}

	@Test
	void aFormWithoutTheCsrfTokenDeletesNothing() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/settings/account/delete").param("username", member.username())
			.with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());

		assertThat(this.accounts.findByEmail(member.email())).isPresent();
	}

	@Test
	void theApiAnswersACallerWhoIsNotSignedIn401() throws Exception {
		this.mvc.perform(delete("/api/me").param("username", "anyone").with(csrf().asHeader()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theApiNeedsTheCsrfHeader() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(delete("/api/me").param("username", member.username()).with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());

		assertThat(this.accounts.findByEmail(member.email())).isPresent();
	}

	@Test
	void theApiDeletesTheAccountWhenTheUsernameIsTheMembersAndRefusesOtherwise() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(delete("/api/me").with(TestMembers.signedIn(member)).with(csrf().asHeader()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Account not deleted"))
			.andExpect(jsonPath("$.detail").value(containsString("type your username, " + member.username())));
		assertThat(this.accounts.findByEmail(member.email())).isPresent();

		this.mvc.perform(delete("/api/me").param("username", member.username())
			.with(TestMembers.signedIn(member))
			.with(csrf().asHeader()))
			.andExpect(status().isNoContent());

		assertThat(this.accounts.findByEmail(member.email())).isEmpty();
	}

	@Test
	void theOnlyAdministratorIsToldWhyTheirAccountStays() throws Exception {
		Member admin = TestMembers.member(this.accounts, "boss", "The Boss", Role.ADMIN);

		this.mvc.perform(delete("/api/me").param("username", "boss").with(TestMembers.signedIn(admin)).with(csrf().asHeader()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("only administrator")));
		this.mvc.perform(post("/settings/account/delete").param("username", "boss")
			.with(TestMembers.signedIn(admin))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Make another member an administrator first")));

		assertThat(this.accounts.findByEmail("boss@example.org")).hasValueSatisfying((still) -> assertThat(still.isAdmin()).isTrue());
	}

}
