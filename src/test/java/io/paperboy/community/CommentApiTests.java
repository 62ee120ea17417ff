package io.paperboy.community;

import java.time.Duration;
import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /api/papers/{id}/comments}, and the paper API's count of comments. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class CommentApiTests {

	private static final String COMMENTS = "/api/papers/2506.00001/comments";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Comments comments;

	@Autowired
	MutableClock clock;

	private Member ada;

	private Member alan;

	private Member grace;

	@BeforeEach
	void aPaperAndThreeMembers() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withComments(4).build(), LocalDate.of(2025, 6, 2));
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").build(), null);
		this.ada = member("ada", "Ada Lovelace");
		this.alan = member("alan", "Alan Turing");
		this.grace = this.accounts.chooseProfile(this.accounts.grant("grace@example.org", Role.CURATOR).id(), "grace",
				"Grace Hopper");
	}

	@Test
	void theCommentsAreAFlatListOfThreadsWithRepliesAfterTheirComment() throws Exception {
		Comment first = this.comments.post("2506.00001", null, this.ada, "First **thread**");
		this.clock.advance(Duration.ofMinutes(1));
		Comment second = this.comments.post("2506.00001", null, this.alan, "Second thread");
		this.clock.advance(Duration.ofMinutes(1));
		Comment reply = this.comments.post("2506.00001", first.id(), this.alan, "A reply");
		this.clock.advance(Duration.ofMinutes(1));
		this.comments.edit(reply.id(), this.alan, "A reply, edited");

		this.mvc.perform(get(COMMENTS))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].id").value(first.id()))
			.andExpect(jsonPath("$[0].parentId").doesNotExist())
			.andExpect(jsonPath("$[0].author.username").value("ada"))
			.andExpect(jsonPath("$[0].author.displayName").value("Ada Lovelace"))
			.andExpect(jsonPath("$[0].author.email").doesNotExist())
			.andExpect(jsonPath("$[0].createdAt").value("2025-06-02T12:00:00Z"))
			.andExpect(jsonPath("$[0].editedAt").doesNotExist())
			.andExpect(jsonPath("$[0].markdown").value("First **thread**"))
			.andExpect(jsonPath("$[0].html").value("<p>First <strong>thread</strong></p>\n"))
			.andExpect(jsonPath("$[1].id").value(reply.id()))
			.andExpect(jsonPath("$[1].parentId").value(first.id()))
			.andExpect(jsonPath("$[1].markdown").value("A reply, edited"))
			.andExpect(jsonPath("$[1].editedAt").value("2025-06-02T12:03:00Z"))
			.andExpect(jsonPath("$[2].id").value(second.id()));
	}

	@Test
	void hiddenAndDeletedCommentsAreLeftOut() throws Exception {
		Comment hidden = this.comments.post("2506.00001", null, this.ada, "Hidden");
		this.comments.post("2506.00001", hidden.id(), this.alan, "Reply to hidden");
		Comment deleted = this.comments.post("2506.00001", null, this.ada, "Deleted");
		this.comments.post("2506.00001", deleted.id(), this.alan, "Reply to deleted");
		this.comments.post("2506.00001", null, this.alan, "Standing");
		this.comments.hide(hidden.id(), this.grace);
		this.comments.delete(deleted.id(), this.ada);

		this.mvc.perform(get(COMMENTS))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].markdown").value(org.hamcrest.Matchers.contains("Reply to deleted", "Standing")))
			.andExpect(jsonPath("$[0].parentId").value(deleted.id()));
	}

	@Test
	void thePaperApiCountsImportedCommentsAndMembersVisibleOnes() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "One");
		this.comments.post("2506.00001", comment.id(), this.alan, "Two");
		Comment hidden = this.comments.post("2506.00001", null, this.alan, "Three");
		this.comments.hide(hidden.id(), this.grace);

		this.mvc.perform(get("/api/papers/2506.00001")).andExpect(jsonPath("$.numComments").value(4 + 2));
	}

	@Test
	void anOldStylePaperHasItsCommentsToo() throws Exception {
		this.comments.post("hep-th/9901001", null, this.ada, "Strings!");

		this.mvc.perform(get("/api/papers/hep-th/9901001/comments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].markdown").value("Strings!"));
	}

	@Test
	void anUnknownPaperIs404WithAProblemDocument() throws Exception {
		this.mvc.perform(get("/api/papers/2506.09999/comments"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("No paper 2506.09999")));
	}

	@Test
	void aMemberPostsEditsAndDeletesTheirCommentAsJson() throws Exception {
		String location = this.mvc.perform(as(this.ada, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Hello <b>there</b>\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.markdown").value("Hello <b>there</b>"))
			.andExpect(jsonPath("$.html").value("<p>Hello &lt;b&gt;there&lt;/b&gt;</p>\n"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long id = this.comments.visibleOn("2506.00001").get(0).id();
		assertThat(location).isEqualTo(COMMENTS + "/" + id);

		this.mvc.perform(as(this.alan, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"A reply\", \"parentId\": " + id + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parentId").value(id));

		this.mvc.perform(as(this.ada, patch(COMMENTS + "/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Hello again\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.markdown").value("Hello again"));

		this.mvc.perform(as(this.ada, delete(COMMENTS + "/" + id))).andExpect(status().isNoContent());
		this.mvc.perform(get(COMMENTS)).andExpect(jsonPath("$[*].markdown").value(org.hamcrest.Matchers.contains("A reply")));
	}

	@Test
	void anEmptyOrOverlongCommentIs400WithTheReason() throws Exception {
		this.mvc.perform(as(this.ada, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON).content("{\"markdown\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("cannot be empty")));
		this.mvc.perform(as(this.ada, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"" + "x".repeat(10_001) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("at most 10,000 characters")));
		this.mvc.perform(as(this.ada, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("markdown")));

		this.mvc.perform(get(COMMENTS)).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void editingAfterTheWindowOrSomeoneElsesCommentIs403() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Mine");

		this.mvc.perform(as(this.alan, patch(COMMENTS + "/" + comment.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Yours\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.clock.advance(Duration.ofMinutes(15));
		this.mvc.perform(as(this.ada, patch(COMMENTS + "/" + comment.id())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Late\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("15 minutes")));
		this.mvc.perform(as(this.alan, delete(COMMENTS + "/" + comment.id()))).andExpect(status().isForbidden());

		assertThat(this.comments.find(comment.id()).orElseThrow().markdown()).isEqualTo("Mine");
	}

	@Test
	void aCommentAddressedUnderAnotherPaperIs404() throws Exception {
		Comment comment = this.comments.post("hep-th/9901001", null, this.ada, "Strings!");

		this.mvc.perform(as(this.ada, delete(COMMENTS + "/" + comment.id()))).andExpect(status().isNotFound());

		assertThat(this.comments.find(comment.id()).orElseThrow().isDeleted()).isFalse();
	}

	@Test
	void anAnonymousCallerIs401AndACallWithoutTheCsrfHeaderIs403() throws Exception {
		this.mvc.perform(post(COMMENTS).with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Hello\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Sign in first"));
		this.mvc.perform(post(COMMENTS).with(signedIn(this.ada)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"Hello\"}")).andExpect(status().isForbidden());

		this.mvc.perform(get(COMMENTS)).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void postingTooOftenIs429WithRetryAfter() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.comments.post("2506.00001", null, this.alan, "Comment " + i);
		}

		this.mvc.perform(as(this.alan, post(COMMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"markdown\": \"One more\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(containsString("30 comments in the last hour")));
	}

	private static MockHttpServletRequestBuilder as(Member member, MockHttpServletRequestBuilder request) {
		return request.with(signedIn(member)).with(csrf().asHeader());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

	private Member member(String username, String displayName) {
		Member member = this.accounts.loadUserByUsername(username + "@example.org");
		return this.accounts.chooseProfile(member.id(), username, displayName);
	}

}
