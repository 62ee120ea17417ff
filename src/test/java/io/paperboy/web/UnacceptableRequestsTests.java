package io.paperboy.web;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Asking for a type Paperboy does not write (406), or sending one it does not read (415): the
 * client's mistake, answered in words when the client can take them, and never logged as ours.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
@ExtendWith(EmptyCatalog.class)
class UnacceptableRequestsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	private Member member;

	@BeforeEach
	void aPaperAndAMember() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").build(), LocalDate.of(2025, 6, 2));
		this.member = TestMembers.create(this.accounts);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/papers/2506.00001", "/api/papers/search?q=study", "/api/papers/2506.00001/comments",
			"/api/papers/2506.00001/similar", "/v3/api-docs" })
	void anAnswerInATypeTheClientDoesNotTakeIsABare406(String path, CapturedOutput output) throws Exception {
		int logged = output.getAll().length();

		this.mvc.perform(get(path).header("Accept", "application/xml"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().string(""))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));

		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain("WARN");
	}

	@Test
	void aMalformedAcceptHeaderIsNoFailureOfOurs(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();

		this.mvc.perform(get("/api/papers/2506.00001").header("Accept", "no/such/type;;"))
			.andExpect(status().is4xxClientError())
			.andExpect(content().string(""));

		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR");
	}

	@Test
	void aBodyOfTheWrongTypeFromAClientThatRefusesJsonIsABare415() throws Exception {
		this.mvc.perform(post("/api/papers/2506.00001/comments").with(TestMembers.signedIn(this.member))
			.with(csrf())
			.contentType(MediaType.TEXT_PLAIN)
			.header("Accept", "application/xml")
			.content("Hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(header().string("Accept", containsString("application/json")))
			.andExpect(content().string(""));
	}

	@Test
	void aMissingPaperAskedForAsXmlIsABare404() throws Exception {
		this.mvc.perform(get("/api/papers/2506.09999").header("Accept", "application/xml"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(""));
	}

	@Test
	void aJsonClientStillGetsProblemsForItsMistakes() throws Exception {
		this.mvc.perform(get("/api/papers/2506.09999").header("Accept", "application/json"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not found"));
	}

	@Test
	void aCommentInATypeTheApiDoesNotReadIs415(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();

		expectUnsupported(post("/api/papers/2506.00001/comments"));
		expectUnsupported(patch("/api/papers/2506.00001/comments/1"));
		expectUnsupported(put("/api/subscription"));

		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR");
	}

	@Test
	void aPageAskedForAsXmlIsStillThePage() throws Exception {
		this.mvc.perform(get("/papers/2506.00001").header("Accept", "application/xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
	}

	private void expectUnsupported(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request.with(TestMembers.signedIn(this.member))
			.with(csrf())
			.contentType(MediaType.TEXT_PLAIN)
			.content("Hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("application/json")));
	}

}
