package io.paperboy.community;

import java.time.Duration;
import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The comment forms of paper pages, posted as a browser without JavaScript posts them. */
@WebTest
@ExtendWith(EmptyCatalog.class)
class CommentPagesTests {

	private static final String PAPER = "/papers/2506.00001";

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
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("Attention again").withComments(2).build(),
				LocalDate.of(2025, 6, 2));
		this.ada = member("ada", "Ada Lovelace");
		this.alan = member("alan", "Alan Turing");
		this.grace = this.accounts.chooseProfile(this.accounts.grant("grace@example.org", Role.CURATOR).id(), "grace",
				"Grace Hopper");
	}

	@Test
	void aMemberPostsACommentAndIsSentBackToItOnThePaperPage() throws Exception {
		String location = this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001")
			.param("text", "A **fine** paper.")).andExpect(status().isSeeOther()).andReturn().getResponse().getRedirectedUrl();

		long id = onlyComment().id();
		assertThat(location).isEqualTo(PAPER + "#comment-" + id);
		String html = page(PAPER, this.alan);
		assertThat(html).contains("id=\"comment-" + id + "\"")
			.contains("<strong>fine</strong>")
			.contains(">Ada Lovelace</a>")
			.contains("href=\"/u/ada\"");
		assertThat(HtmlText.of(html)).contains("1 comment 2 comments on Hugging Face");
	}

	@Test
	void theCardOnTheDayPageCountsANewCommentAtOnce() throws Exception {
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", LocalDate.of(2025, 6, 2)));
		assertThat(HtmlText.of(page("/papers/date/2025-06-02", null))).contains("0 comments 2 comments on Hugging Face");

		this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001").param("text", "Counted"))
			.andExpect(status().isSeeOther());

		assertThat(HtmlText.of(page("/papers/date/2025-06-02", null))).contains("1 comment 2 comments on Hugging Face");
	}

	@Test
	void curatorsFindTheReportsFromThePaperPage() throws Exception {
		assertThat(page(PAPER, this.grace)).contains("href=\"/moderation/reports\"");
		assertThat(page(PAPER, this.ada)).doesNotContain("/moderation/reports");
	}

	@Test
	void thePaperPageCountsTheCommentsItShowsAndLinksToThoseOnHuggingFace() throws Exception {
		String before = page(PAPER, null);
		assertThat(HtmlText.of(before)).contains("0 comments 2 comments on Hugging Face")
			.contains("No comments from members yet.");
		assertThat(before).contains("<a href=\"#comments\">0 comments</a>")
			.contains("<a href=\"https://huggingface.co/papers/2506.00001#community\">2 comments on Hugging Face</a>");

		this.comments.post("2506.00001", null, this.ada, "First");
		this.comments.post("2506.00001", null, this.alan, "Second");

		String text = HtmlText.of(page(PAPER, null));
		assertThat(text).contains("2 comments 2 comments on Hugging Face").contains("First").contains("Second")
			.doesNotContain("4 comments");
	}

	@Test
	void aPaperNoSourceCommentedOnSaysNothingOfHuggingFace() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00002").withComments(0).build(), LocalDate.of(2025, 6, 2));
		this.comments.post("2506.00002", null, this.ada, "Alone here");

		String html = page("/papers/2506.00002", null);

		assertThat(HtmlText.of(html)).contains("1 comment").doesNotContain("Hugging Face");
	}

	@Test
	void aReplyToAReplyIsShownInTheThreadOfTheTopLevelComment() throws Exception {
		Comment top = this.comments.post("2506.00001", null, this.ada, "Top comment");
		Comment reply = this.comments.post("2506.00001", top.id(), this.alan, "First reply");

		this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001")
			.param("replyTo", Long.toString(reply.id()))
			.param("text", "Reply to the reply")).andExpect(status().isSeeOther());

		Comment replyToReply = this.comments.visibleOn("2506.00001").get(2);
		assertThat(replyToReply.markdown()).isEqualTo("Reply to the reply");
		assertThat(replyToReply.parentId()).isEqualTo(top.id());
		String html = page(PAPER, this.ada);
		String thread = html.substring(html.indexOf("id=\"comment-" + top.id() + "\""));
		thread = thread.substring(0, thread.indexOf("</ol>"));
		assertThat(thread).contains("class=\"comment-replies\"").contains("First reply").contains("Reply to the reply");
	}

	@Test
	void theAuthorEditsWithinTheWindowButNotAfter() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Frist");
		assertThat(page(PAPER, this.ada)).contains("href=\"/comments/" + comment.id() + "/edit\"");
		assertThat(page(PAPER, this.alan)).doesNotContain("/comments/" + comment.id() + "/edit");

		String form = this.mvc.perform(as(this.ada, get("/comments/" + comment.id() + "/edit")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains(">Frist</textarea>");

		this.clock.advance(Duration.ofMinutes(10));
		this.mvc.perform(as(this.ada, post("/comments/" + comment.id() + "/edit")).param("text", "First"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", PAPER + "#comment-" + comment.id()));
		assertThat(HtmlText.of(page(PAPER, this.alan))).contains("First").contains("(edited)");

		this.clock.advance(Duration.ofMinutes(6));
		String refused = this.mvc.perform(as(this.ada, post("/comments/" + comment.id() + "/edit")).param("text", "First!"))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlText.of(refused)).contains("Comments can be edited for 15 minutes after they are posted");
		assertThat(this.comments.find(comment.id()).orElseThrow().markdown()).isEqualTo("First");
		assertThat(page(PAPER, this.ada)).doesNotContain("/comments/" + comment.id() + "/edit");
	}

	@Test
	void aMemberCannotEditAnotherMembersComment() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Mine");

		this.mvc.perform(as(this.alan, post("/comments/" + comment.id() + "/edit")).param("text", "Yours"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(this.alan, post("/comments/" + comment.id() + "/delete"))).andExpect(status().isForbidden());

		assertThat(this.comments.find(comment.id()).orElseThrow().markdown()).isEqualTo("Mine");
	}

	@Test
	void aDeletedCommentWithRepliesIsShownAsDeletedAndOneWithoutIsGone() throws Exception {
		Comment withReplies = this.comments.post("2506.00001", null, this.ada, "Regrettable words");
		this.comments.post("2506.00001", withReplies.id(), this.alan, "A reply that stays");
		Comment alone = this.comments.post("2506.00001", null, this.ada, "Lonely words");

		this.mvc.perform(as(this.ada, post("/comments/" + withReplies.id() + "/delete"))).andExpect(status().isSeeOther());
		this.mvc.perform(as(this.ada, post("/comments/" + alone.id() + "/delete")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", PAPER + "#comments"));

		String text = HtmlText.of(page(PAPER, this.alan));
		assertThat(text).contains("This comment was deleted by its author.")
			.contains("A reply that stays")
			.doesNotContain("Regrettable words")
			.doesNotContain("Lonely words")
			.contains("1 comment 2 comments on Hugging Face");
		assertThat(page(PAPER, this.alan)).doesNotContain("id=\"comment-" + alone.id() + "\"");
	}

	@Test
	void aCuratorHidesACommentThatOthersThenNoLongerSee() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Off-topic rant");
		this.comments.post("2506.00001", comment.id(), this.alan, "Reply to the rant");

		this.mvc.perform(as(this.grace, post("/comments/" + comment.id() + "/hide")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", PAPER + "#comment-" + comment.id()));

		assertThat(HtmlText.of(page(PAPER, this.alan))).doesNotContain("Off-topic rant")
			.doesNotContain("Reply to the rant")
			.contains("0 comments 2 comments on Hugging Face");
		assertThat(HtmlText.of(page(PAPER, null))).doesNotContain("Off-topic rant");
		String curatorsView = page(PAPER, this.grace);
		assertThat(HtmlText.of(curatorsView)).contains("Off-topic rant").contains("Hidden by a curator").contains("Show again");

		this.mvc.perform(as(this.grace, post("/comments/" + comment.id() + "/unhide"))).andExpect(status().isSeeOther());
		assertThat(HtmlText.of(page(PAPER, this.alan))).contains("Off-topic rant").contains("2 comments 2 comments on Hugging Face");
	}

	@Test
	void aMemberWhoIsNotACuratorCannotHideAComment() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Fine words");

		String refused = this.mvc.perform(as(this.alan, post("/comments/" + comment.id() + "/hide")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(refused)).contains("Only curators can hide or show comments.");
		assertThat(this.comments.find(comment.id()).orElseThrow().isHidden()).isFalse();
		assertThat(page(PAPER, this.alan)).doesNotContain("/comments/" + comment.id() + "/hide");
	}

	@Test
	void aMemberReportsACommentOnceAndCuratorsFindItOnTheReportsPage() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Buy cheap pills");
		assertThat(page(PAPER, this.alan)).contains("action=\"/comments/" + comment.id() + "/report\"");

		this.mvc.perform(as(this.alan, post("/comments/" + comment.id() + "/report")).param("reason", "<b>spam</b>"))
			.andExpect(status().isSeeOther());
		this.mvc.perform(as(this.alan, post("/comments/" + comment.id() + "/report")).param("reason", "spam!"))
			.andExpect(status().isSeeOther());

		assertThat(page(PAPER, this.alan)).doesNotContain("action=\"/comments/" + comment.id() + "/report\"")
			.contains("Reported");
		String reports = this.mvc.perform(as(this.grace, get("/moderation/reports")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlText.of(reports)).contains("1 report").contains("Attention again").contains("Buy cheap pills");
		assertThat(reports).contains("&lt;b&gt;spam&lt;/b&gt;").doesNotContain("spam!");
		this.mvc.perform(as(this.alan, get("/moderation/reports"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/moderation/reports")).andExpect(status().isNotFound());
	}

	@Test
	void aMemberWithoutANameYetIsAskedToChooseOneAndKeepsTheirText() throws Exception {
		Member nameless = this.accounts.loadUserByUsername("nameless@example.org");

		String html = this.mvc.perform(as(nameless, post("/comments")).param("paper", "2506.00001")
			.param("text", "My first comment")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

		assertThat(HtmlText.of(html)).contains("Choose your username and display name at /welcome");
		assertThat(html).contains("My first comment");
		assertThat(this.comments.visibleOn("2506.00001")).isEmpty();
	}

	@Test
	void anEmptyCommentComesBackInTheFormWithTheReason() throws Exception {
		String html = this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001")
			.param("text", "   ")).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

		assertThat(HtmlText.of(html)).contains("A comment cannot be empty");
		assertThat(html).contains("name=\"paper\" value=\"2506.00001\"").contains("name=\"_csrf\"");
		assertThat(this.comments.visibleOn("2506.00001")).isEmpty();
	}

	@Test
	void anOverlongReplyComesBackInTheFormWithAllItsTextKept() throws Exception {
		Comment top = this.comments.post("2506.00001", null, this.ada, "Top");
		String text = "<i>long</i> " + "word ".repeat(2_100);

		String html = this.mvc.perform(as(this.alan, post("/comments")).param("paper", "2506.00001")
			.param("replyTo", Long.toString(top.id()))
			.param("text", text)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

		assertThat(HtmlText.of(html)).contains("A comment has at most 10,000 characters; this one has 10,512.");
		assertThat(html).contains(">&lt;i&gt;long&lt;/i&gt; " + "word ".repeat(2_100) + "</textarea>")
			.contains("name=\"replyTo\" value=\"" + top.id() + "\"");
		assertThat(this.comments.visibleOn("2506.00001")).hasSize(1);
	}

	@Test
	void anOverlongEditComesBackInTheFormAndTheCommentIsUnchanged() throws Exception {
		Comment comment = this.comments.post("2506.00001", null, this.ada, "Short");

		String html = this.mvc.perform(as(this.ada, post("/comments/" + comment.id() + "/edit")).param("text",
				"x".repeat(10_001))).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("x".repeat(10_001) + "</textarea>").contains("action=\"/comments/" + comment.id() + "/edit\"");
		assertThat(this.comments.find(comment.id()).orElseThrow().markdown()).isEqualTo("Short");
	}

	@Test
	void aMemberWhoPostsTooOftenIsToldToWaitWith429() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001").param("text", "Comment " + i))
				.andExpect(status().isSeeOther());
			this.clock.advance(Duration.ofSeconds(10));
		}

		String refused = this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001")
			.param("text", "One too many"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(refused)).contains("You have posted 30 comments in the last hour");
		assertThat(this.comments.visibleOn("2506.00001")).hasSize(30);
		this.mvc.perform(as(this.alan, post("/comments")).param("paper", "2506.00001").param("text", "Someone else"))
			.andExpect(status().isSeeOther());
		this.clock.advance(Duration.ofHours(1));
		this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.00001").param("text", "An hour later"))
			.andExpect(status().isSeeOther());
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
		this.mvc.perform(post("/comments").with(signedIn(this.ada)).param("paper", "2506.00001").param("text", "Forged"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/comments").with(signedIn(this.ada)).with(csrf().useInvalidToken())
			.param("paper", "2506.00001")
			.param("text", "Forged")).andExpect(status().isForbidden());

		assertThat(this.comments.visibleOn("2506.00001")).isEmpty();
	}

	@Test
	void anAnonymousVisitorIsAskedToSignInAndBroughtBackToThePaper() throws Exception {
		assertThat(page(PAPER, null)).contains("href=\"/signin?continue=%2Fpapers%2F2506.00001\"")
			.doesNotContain("action=\"/comments\"");

		this.mvc.perform(post("/comments").with(csrf()).param("paper", "2506.00001").param("text", "Hello"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers%2F2506.00001%23comments"));

		assertThat(this.comments.visibleOn("2506.00001")).isEmpty();
	}

	@Test
	void aCommentOnAPaperNotInTheCatalogIs404() throws Exception {
		this.mvc.perform(as(this.ada, post("/comments")).param("paper", "2506.09999").param("text", "Hello"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.ada, post("/comments/987654/delete"))).andExpect(status().isNotFound());
	}

	@Test
	void hostileCommentsAndNamesAreShownAsText() throws Exception {
		Member mallory = member("mallory", "<script>alert('name')</script>");
		this.comments.post("2506.00001", null, mallory,
				"<script>alert(1)</script>\n\n\"><img src=x onerror=alert(1)> [click](javascript:alert(1)) ![pic](https://evil.example/x.png)");

		String html = page(PAPER, this.ada);

		assertThat(html).doesNotContain("<script>alert").doesNotContain("javascript:alert");
		assertThat(html.replaceAll("<img class=\"thumb [^>]*src=\"/papers/2506.00001/thumbnail\"[^>]*>", "")).as("no image but the thumbnail").doesNotContain("<img");
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;script&gt;alert('name')&lt;/script&gt;")
			.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;")
			.contains("&gt; click <a")
			.containsPattern("<a href=\"https://evil.example/x.png\" rel=\"[a-z ]+\">pic</a>");
		assertThat(HtmlText.of(html)).contains("<script>alert(1)</script>");
	}

	private String page(String path, Member viewer) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (viewer != null) {
			request.with(signedIn(viewer));
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private Comment onlyComment() {
		assertThat(this.comments.visibleOn("2506.00001")).hasSize(1);
		return this.comments.visibleOn("2506.00001").get(0);
	}

	private static MockHttpServletRequestBuilder as(Member member, MockHttpServletRequestBuilder request) {
		return request.with(signedIn(member)).with(csrf());
	}

	private static RequestPostProcessor signedIn(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

	private Member member(String username, String displayName) {
		Member member = this.accounts.loadUserByUsername(username + "@example.org");
		return this.accounts.chooseProfile(member.id(), username, displayName);
	}

}
