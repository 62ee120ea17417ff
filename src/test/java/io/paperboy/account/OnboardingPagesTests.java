package io.paperboy.account;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A newcomer's first pages: the page a mailed link opens, in each state the link can be in, and the
 * welcome page with its suggested name and its reasons for refusing one.
 */
@WebTest
class OnboardingPagesTests {

	private static final AtomicInteger COUNT = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Accounts accounts;

	@Autowired
	private OneTimeTokenService tokens;

	@Autowired
	private MutableClock clock;

	@Test
	void aFreshLinkOpensAPageWithTheButtonAndSignsNobodyIn() throws Exception {
		OneTimeToken token = link("fresh");

		for (int opened = 0; opened < 2; opened++) {
			this.mvc.perform(get("/signin/token").param("token", token.getTokenValue()).param("continue", "/papers/trending"))
				.andExpect(status().isOk())
				.andExpect(unauthenticated())
				.andExpect(content().string(allOf(containsString("name=\"token\" value=\"" + token.getTokenValue() + "\""),
						containsString(">Sign in</button>"), not(containsString("already used")))));
		}
		assertThat(this.accounts.findByEmail(token.getUsername())).as("opening the link makes no account").isEmpty();
	}

	@Test
	void aUsedLinkSaysSoAtOnceAndOffersTheSignInForm() throws Exception {
		OneTimeToken token = link("used");
		assertThat(this.tokens.consume(new OneTimeTokenAuthenticationToken(token.getTokenValue()))).isNotNull();

		this.mvc.perform(get("/signin/token").param("token", token.getTokenValue()).param("continue", "/papers/week"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This sign-in link was already used, or has expired."),
					containsString("action=\"/signin/link\""), containsString("name=\"continue\" value=\"/papers/week\""),
					not(containsString("name=\"token\"")))));
	}

	@Test
	void anExpiredLinkSaysHowLongLinksWork() throws Exception {
		OneTimeToken token = link("late");
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		this.mvc.perform(get("/signin/token").param("token", token.getTokenValue()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This sign-in link has expired: a link works for 15 minutes."),
					containsString("action=\"/signin/link\""), not(containsString("name=\"token\"")))));
	}

	@Test
	void aLinkThatNeverWasIsTreatedAsSpent() throws Exception {
		this.mvc.perform(get("/signin/token").param("token", "00000000-0000-0000-0000-000000000000"))
			.andExpect(content().string(allOf(containsString("already used"), not(containsString("name=\"token\"")))));
		this.mvc.perform(get("/signin/token"))
			.andExpect(content().string(allOf(containsString("already used"), not(containsString("name=\"token\"")))));
	}

	@Test
	void theWelcomePageSuggestsANameFromTheAddressAndSaysTheRule() throws Exception {
		String local = "ada.lovelace" + COUNT.incrementAndGet();
		Member member = this.accounts.loadUserByUsername(local + "+papers@example.org");

		this.mvc.perform(get("/welcome").with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"" + local.replace('.', '-') + "\""),
					containsString("value=\"Ada Lovelace\""),
					containsString("A username has 2 to 39 letters, digits, &#39;-&#39; or &#39;_&#39;, and starts with a letter or a digit."),
					containsString("aria-describedby=\"welcome-username-rule\""))));
	}

	@Test
	void aSuggestionTakenByAnotherMemberGetsANumber() throws Exception {
		String handle = "taken" + COUNT.incrementAndGet();
		TestMembers.member(this.accounts, handle, "First Taker");
		Member second = this.accounts.loadUserByUsername(handle + "@elsewhere.example.org");

		assertThat(this.accounts.suggestedProfile(second).username()).isEqualTo(handle + "-2");
		this.accounts.chooseProfile(second.id(), handle + "-2", "Second");
		Member fourth = this.accounts.loadUserByUsername(handle + "@third.example.org");
		assertThat(this.accounts.suggestedProfile(fourth).username()).isEqualTo(handle + "-3");
	}

	@Test
	void aReservedWordIsNeverSuggested() {
		Member member = this.accounts.loadUserByUsername("admin@reserved" + COUNT.incrementAndGet() + ".example.org");
		assertThat(this.accounts.suggestedProfile(member).username()).startsWith("admin-")
			.satisfies((handle) -> assertThat(Accounts.isUsername(handle)).isTrue());
	}

	@Test
	void aBadUsernameIsRefusedBesideItsFieldWithTheRule() throws Exception {
		Member member = this.accounts.loadUserByUsername("bad" + COUNT.incrementAndGet() + "@example.org");

		this.mvc.perform(post("/welcome").with(TestMembers.signedIn(member)).with(csrf())
			.param("username", "-no").param("displayName", "Fine Name").param("continue", "/papers"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(
					containsString("<p id=\"welcome-username-problem\" class=\"problem field-problem\" role=\"alert\">A username has 2 to 39"),
					containsString("aria-invalid=\"true\""),
					containsString("aria-describedby=\"welcome-username-rule welcome-username-problem\""),
					containsString("value=\"-no\""), containsString("value=\"Fine Name\""),
					not(containsString("welcome-name-problem\" class")))));
		assertThat(this.accounts.find(member.id()).orElseThrow().needsProfile()).isTrue();
	}

	@Test
	void aTakenUsernameIsRefusedBesideItsField() throws Exception {
		String handle = "owner" + COUNT.incrementAndGet();
		TestMembers.member(this.accounts, handle, "Owner");
		Member member = this.accounts.loadUserByUsername("late" + COUNT.incrementAndGet() + "@example.org");

		this.mvc.perform(post("/welcome").with(TestMembers.signedIn(member)).with(csrf())
			.param("username", handle.toUpperCase()).param("displayName", "Late Comer"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(
					"id=\"welcome-username-problem\" class=\"problem field-problem\" role=\"alert\">The username "
							+ handle.toUpperCase() + " is taken; choose another.")));
	}

	@Test
	void anEmptyDisplayNameIsRefusedBesideItsField() throws Exception {
		Member member = this.accounts.loadUserByUsername("noname" + COUNT.incrementAndGet() + "@example.org");

		this.mvc.perform(post("/welcome").with(TestMembers.signedIn(member)).with(csrf())
			.param("username", "noname-" + COUNT.incrementAndGet()).param("displayName", "   "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(
					containsString("id=\"welcome-name-problem\" class=\"problem field-problem\" role=\"alert\">A display name has 1 to 100 characters on one line."),
					containsString("aria-describedby=\"welcome-name-rule welcome-name-problem\""),
					not(containsString("welcome-username-problem\" class")))));
	}

	@Test
	void theAccountMenuListsProfileDigestSettingsAndSignOut() throws Exception {
		Member member = TestMembers.create(this.accounts, "Menu Reader");

		this.mvc.perform(get("/papers").with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<a href=\"/u/" + member.username() + "\" class=\"me\""),
					containsString("<a href=\"/settings/digest\">Digest settings</a>"), containsString("Sign out"))));
	}

	private OneTimeToken link(String name) {
		return this.tokens.generate(new GenerateOneTimeTokenRequest(name + COUNT.incrementAndGet() + "@example.org",
				Duration.ofMinutes(15)));
	}

}
