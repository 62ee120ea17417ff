package io.paperboy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.support.TestMembers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules of {@link SecurityConfiguration}, checked against every address the application maps:
 * a new form or API call that changes something is refused to visitors until it is named below as
 * open to everyone, so an address cannot ship without a rule.
 */
@WebTest
class AccessRulesTests {

	/** Where a visitor who is not signed in may change something, and why. */
	private static final Map<String, String> OPEN_TO_EVERYONE = Map.of(
			"POST /signin/link", "asking for a sign-in link is how one signs in",
			"POST /subscribe", "double opt-in protects the address",
			"POST /digest/confirm/{token}", "the link carries a signed per-subscriber token",
			"POST /digest/preferences/{token}", "the link carries a signed per-subscriber token",
			"POST /digest/unsubscribe/{token}", "the link carries a signed per-subscriber token",
			"POST /digest/resubscribe/{token}", "the link carries a signed per-subscriber token",
			"* /error", "the answer to a request already refused or failed");

	/** Pages that show a member their own things. */
	private static final List<String> MEMBERS_PAGES = List.of("/welcome", "/settings/digest", "/submit", "/curate",
			"/comments/1/edit", "/papers/for-you");

	private static final Set<RequestMethod> CHANGES = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private Accounts accounts;

	@Test
	void everyChangeIsRefusedToAVisitorUnlessItIsOpenToEveryone() throws Exception {
		List<String> checked = new ArrayList<>();
		for (Change change : changes()) {
			if (OPEN_TO_EVERYONE.containsKey(change.key()) || OPEN_TO_EVERYONE.containsKey("* " + change.pattern())) {
				continue;
			}
			MockHttpServletResponse response = this.mvc.perform(change.request().with(csrf().asHeader()))
				.andReturn()
				.getResponse();
			if (change.path().startsWith("/admin")) {
				assertThat(response.getStatus()).as("%s hides from visitors", change).isEqualTo(404);
			}
			else if (change.path().startsWith("/api/")) {
				assertThat(response.getStatus()).as("%s refuses visitors", change).isEqualTo(401);
				assertThat(response.getContentType()).as("%s answers a problem", change)
					.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}
			else {
				assertThat(response.getStatus()).as("%s sends visitors to sign in", change).isEqualTo(303);
				assertThat(response.getHeader("Location")).as("%s sends visitors to sign in", change)
					.startsWith("/signin?continue=");
			}
			checked.add(change.key());
		}
		assertThat(checked).as("the forms and API calls for members").contains("POST /comments",
				"POST /api/papers/{id}/comments", "PATCH /api/papers/{id}/comments/{commentId}",
				"DELETE /api/papers/{id}/upvote", "PUT /api/subscription", "POST /submit", "POST /curate",
				"POST /settings/digest", "POST /admin/users/grant");
	}

	@Test
	void everyChangeForMembersLetsASignedInMemberThrough() throws Exception {
		// a curator, so that no action is refused for the member's role (a 403 of its own)
		Member member = this.accounts.grant(TestMembers.create(this.accounts).email(), Role.CURATOR);
		for (Change change : changes()) {
			if (OPEN_TO_EVERYONE.containsKey(change.key()) || OPEN_TO_EVERYONE.containsKey("* " + change.pattern())) {
				continue;
			}
			// no parameters and no body: what a controller does with them is its own tests' business
			MockHttpServletResponse response = this.mvc
				.perform(change.request().with(TestMembers.signedIn(member)).with(csrf().asHeader()))
				.andReturn()
				.getResponse();
			if (change.path().startsWith("/admin")) {
				assertThat(response.getStatus()).as("%s is for operators only", change).isEqualTo(404);
			}
			else {
				assertThat(response.getStatus()).as("%s lets a member through", change).isNotIn(401, 403, 500);
				assertThat(String.valueOf(response.getHeader("Location"))).as("%s lets a member through", change)
					.doesNotStartWith("/signin");
			}
		}
	}

	@Test
	void theListOfChangesOpenToEveryoneNamesOnlyAddressesThatExist() {
		List<String> mapped = new ArrayList<>();
		changes().forEach((change) -> {
			mapped.add(change.key());
			mapped.add("* " + change.pattern());
		});
		assertThat(mapped).containsAll(OPEN_TO_EVERYONE.keySet());
	}

	@Test
	void aMembersPageSendsAVisitorToSignInAndBringsThemBack() throws Exception {
		for (String page : MEMBERS_PAGES) {
			this.mvc.perform(get(page))
				.andExpect(status().isFound())
				.andExpect(header().string("Location", "/signin?continue=" + page.replace("/", "%2F")));
		}
		this.mvc.perform(get("/api/subscription"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Not signed in"));
	}

	@Test
	void aFormPostedByAVisitorBringsThemBackToThePageTheFormWasOnAfterSigningIn() throws Exception {
		this.mvc.perform(post("/submit").with(csrf()).param("paper", "2506.00001").header("Referer",
				"https://papers.example.org/submit?paper=x"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fsubmit%3Fpaper%3Dx"));
		this.mvc.perform(post("/papers/2506.00001/upvote").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers%2F2506.00001"));
		this.mvc.perform(post("/papers/2506.00001/upvote").with(csrf()).param("back", "https://elsewhere.example/"))
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers"));
		this.mvc.perform(post("/curate").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers"));
	}

	@Test
	void aChangeOfAnAddressThatMapsNoneIsAnsweredAlikeToEveryone() throws Exception {
		this.mvc.perform(post("/papers").with(csrf())).andExpect(status().isMethodNotAllowed());
		this.mvc.perform(post("/nowhere").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void reportedCommentsDoNotExistForAnyoneButCurators() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.mvc.perform(get("/moderation/reports")).andExpect(status().isNotFound());
		this.mvc.perform(get("/moderation/reports").with(TestMembers.signedIn(member))).andExpect(status().isNotFound());
	}

	/** Every mapped address that changes something, with its variables filled in. */
	private List<Change> changes() {
		List<Change> changes = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? CHANGES : methods) {
					if (CHANGES.contains(method)) {
						changes.add(new Change(method, pattern));
					}
				}
			}
		}
		return changes;
	}

	private record Change(RequestMethod method, String pattern) {

		/** The method and pattern, each variable by its name alone: {@code POST /papers/{archive}/{number}/upvote}. */
		String key() {
			return this.method + " " + fill((name) -> "{" + name + "}");
		}

		/** An address the pattern matches. */
		String path() {
			return fill((name) -> switch (name) {
				case "archive" -> "hep-th";
				case "number" -> "9901001";
				case "id" -> this.pattern.contains("papers/") ? "2506.00001" : "1";
				default -> "1";
			});
		}

		MockHttpServletRequestBuilder request() {
			return MockMvcRequestBuilders.request(HttpMethod.valueOf(this.method.name()), path());
		}

		/** The pattern with each variable replaced (a variable's regular expression may hold braces). */
		private String fill(UnaryOperator<String> value) {
			StringBuilder path = new StringBuilder();
			int depth = 0;
			StringBuilder name = new StringBuilder();
			boolean naming = false;
			for (char c : this.pattern.toCharArray()) {
				if (c == '{') {
					if (depth++ == 0) {
						name.setLength(0);
						naming = true;
					}
				}
				else if (c == '}') {
					if (--depth == 0) {
						path.append(value.apply(name.toString()));
					}
				}
				else if (depth == 0) {
					path.append(c);
				}
				else if (naming && c == ':') {
					naming = false;
				}
				else if (naming) {
					name.append(c);
				}
			}
			return path.toString();
		}

		@Override
		public String toString() {
			return key();
		}

	}

}
