package io.paperboy.catalog;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebTest
@ExtendWith(EmptyCatalog.class)
class PaperApiTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Test
	void aPaperIsAFlatObjectThatCountsItsComments() throws Exception {
		User submitter = this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.savePaper(TestPapers.paper("2506.00001")
			.withVersion(2, null)
			.withTitle("A Fully\n  Described Paper")
			.withSummary("The abstract\nas arXiv wraps it.")
			.publishedAt(Instant.parse("2025-05-30T17:59:01Z"))
			.withAuthors(new Author("Ada Lovelace", "a1", false), new Author("Alan Turing", "a2", false))
			.withCategories("cs.CL")
			.withGithub("https://github.com/example/described", 321)
			.withProjectPage("https://example.org/described")
			.withAiSummary("A one-line summary.", "reasoning")
			.withDiscussion("disc-1")
			.withUpvotes(12)
			.withComments(4)
			.build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2, submitter.id()));

		this.mvc.perform(get("/api/papers/2506.00001"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value("2506.00001"))
			.andExpect(jsonPath("$.title").value("A Fully\n  Described Paper"))
			.andExpect(jsonPath("$.summary").value("The abstract\nas arXiv wraps it."))
			.andExpect(jsonPath("$.authors[0]._id").value("a1"))
			.andExpect(jsonPath("$.authors[1].name").value("Alan Turing"))
			.andExpect(jsonPath("$.authors[1].hidden").value(false))
			.andExpect(jsonPath("$.publishedAt").value("2025-05-30T17:59:01.000Z"))
			.andExpect(jsonPath("$.submittedOnDailyAt").value("2025-06-02T12:00:00.000Z"))
			.andExpect(jsonPath("$.submittedOnDailyBy.user").value("akhaliq"))
			.andExpect(jsonPath("$.submittedOnDailyBy.fullname").value("AK"))
			.andExpect(jsonPath("$.upvotes").value(12))
			.andExpect(jsonPath("$.numComments").value(4))
			.andExpect(jsonPath("$.discussionId").value("disc-1"))
			.andExpect(jsonPath("$.githubRepo").value("https://github.com/example/described"))
			.andExpect(jsonPath("$.githubStars").value(321))
			.andExpect(jsonPath("$.projectPage").value("https://example.org/described"))
			.andExpect(jsonPath("$.ai_summary").value("A one-line summary."))
			.andExpect(jsonPath("$.ai_keywords[0]").value("reasoning"))
			.andExpect(jsonPath("$.paper").doesNotExist());
	}

	@Test
	void aPaperOnNoListHasNoSubmission() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001").withComments(0).build(), null);

		this.mvc.perform(get("/api/papers/2401.00001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("2401.00001"))
			.andExpect(jsonPath("$.numComments").value(0))
			.andExpect(jsonPath("$.submittedOnDailyAt").doesNotExist())
			.andExpect(jsonPath("$.submittedOnDailyBy").doesNotExist());
	}

	@Test
	void aVersionInTheIdIsIgnored() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2401.00001").build(), null);

		this.mvc.perform(get("/api/papers/2401.00001v3")).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("2401.00001"));
	}

	@Test
	void anOldStyleIdIsFound() throws Exception {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withTitle("Strings, old style").build(), null);

		this.mvc.perform(get("/api/papers/hep-th/9901001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("hep-th/9901001"))
			.andExpect(jsonPath("$.title").value("Strings, old style"));
		this.mvc.perform(get("/api/papers/hep-th/9901001v2")).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("hep-th/9901001"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/papers/2401.99999", "/api/papers/hep-th/9901999" })
	void anUnknownPaperIsNotFoundWithAProblemDocument(String path) throws Exception {
		String body = this.mvc.perform(get(path))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("Not found"))
			.andExpect(jsonPath("$.detail").value(containsString("No paper")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertNoTrace(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-an-id", "2401.1", "2413.00001", "1501.0001", "%3Cscript%3E" })
	void aMalformedIdIsABadRequestWithAProblemDocument(String id) throws Exception {
		String body = this.mvc.perform(get(URI.create("/api/papers/" + id)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.detail").value(containsString("Not an arXiv id")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertNoTrace(body);
	}

	@Test
	void anOldStyleIdWithAnImpossibleMonthIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/papers/hep-th/9913001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnknownApiAddressIsNotFoundWithAProblemDocument() throws Exception {
		String body = this.mvc.perform(get("/api/nothing/here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertNoTrace(body);
	}

	@Test
	void writingToAPaperIsNotAllowedWithAProblemDocument() throws Exception {
		this.mvc.perform(post("/api/papers/2401.00001").with(csrf()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(405));
	}

	@Test
	void anEncodedSlashIsRefusedAsABadRequest() throws Exception {
		this.mvc.perform(get(URI.create("/api/papers/hep-th%2F9913001"))).andExpect(status().isBadRequest());
	}

	@Test
	void aWriteWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/api/papers/2401.00001"))
			.andExpect(status().isForbidden());
	}

	private static void assertNoTrace(String body) {
		assertThat(body).doesNotContain("Exception").doesNotContain("at io.paperboy").doesNotContain("trace");
	}

}
