package io.paperboy.library;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members keep their library, signals and collections through the JSON API; nobody else reaches them. */
@ExtendWith(EmptyCatalog.class)
@WebTest
class LibraryApiTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final String PAPER = "2506.00001";

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Library library;

	@Autowired
	MutableClock clock;

	@Autowired
	LibraryProperties properties;

	@BeforeEach
	void twoPapers() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper(PAPER).withTitle("A paper to keep").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").build(), JUNE_2);
	}

	@Test
	void aMemberSavesAPaperAndTakesItOutAgainTwiceEachWithTheSameAnswer() throws Exception {
		Member member = TestMembers.create(this.accounts);

		for (int i = 0; i < 2; i++) {
			call(member, post("/api/papers/" + PAPER + "/save")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paperId").value(PAPER))
				.andExpect(jsonPath("$.saved").value(true));
		}
		call(member, get("/api/library")).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.papers[0].paperId").value(PAPER))
			.andExpect(jsonPath("$.papers[0].at").value("2025-06-02T12:00:00Z"));
		for (int i = 0; i < 2; i++) {
			call(member, delete("/api/papers/" + PAPER + "/save")).andExpect(jsonPath("$.saved").value(false));
		}
		assertThat(this.library.countSaved(member.id())).isZero();
	}

	@Test
	void aPaperWithAnOldStyleIdIsSavedToo() throws Exception {
		Member member = TestMembers.create(this.accounts);

		call(member, post("/api/papers/hep-th/9901001/save")).andExpect(jsonPath("$.paperId").value("hep-th/9901001"));

		assertThat(this.library.savedIds(member.id())).containsExactly("hep-th/9901001");
	}

	@Test
	void savingAPaperNotInTheCatalogIsAProblemOf404() throws Exception {
		call(TestMembers.create(this.accounts), post("/api/papers/2506.99999/save")).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("2506.99999")));
	}

	@Test
	void aCallerWhoIsNotSignedInGetsAProblemOf401AndChangesNothing() throws Exception {
		this.mvc.perform(post("/api/papers/" + PAPER + "/save").with(csrf().asHeader()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/library")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/collections")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/collections/1")).andExpect(status().isUnauthorized());
	}

	@Test
	void aChangeWithoutTheCsrfHeaderIsRefused() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/api/papers/" + PAPER + "/save").with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/collections").with(TestMembers.signedIn(member))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Reading\"}")).andExpect(status().isForbidden());

		assertThat(this.library.countSaved(member.id())).isZero();
		assertThat(this.library.collections(member.id())).isEmpty();
	}

	@Test
	void notInterestedHidesThePaperFromTheLibraryUntilTakenBack() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), PAPER, true);

		call(member, post("/api/papers/" + PAPER + "/not-interested")).andExpect(jsonPath("$.notInterested").value(true));
		call(member, get("/api/library")).andExpect(jsonPath("$.total").value(0));

		call(member, delete("/api/papers/" + PAPER + "/not-interested")).andExpect(jsonPath("$.notInterested").value(false));
		call(member, get("/api/library")).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void anAuthorIsFollowedByNameWhateverItsSpelling() throws Exception {
		Member member = TestMembers.create(this.accounts);

		call(member, post("/api/authors/{name}/follow", "Zoë Ångström")).andExpect(jsonPath("$.nameKey").value("zoe angstrom"))
			.andExpect(jsonPath("$.following").value(true));
		call(member, delete("/api/authors/{name}/follow", "ZOE ANGSTROM")).andExpect(jsonPath("$.following").value(false));

		assertThat(this.library.followed(member.id())).isEmpty();
	}

	@Test
	void aCollectionIsCreatedFilledChangedAndDeleted() throws Exception {
		Member member = TestMembers.create(this.accounts);

		String location = call(member, post("/api/collections").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Reading group\"}")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug").value("reading-group"))
			.andExpect(jsonPath("$.isPublic").value(false))
			.andExpect(jsonPath("$.url").value("/u/" + member.username() + "/collections/reading-group"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		call(member, post(location + "/papers/" + PAPER).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"For Tuesday\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.note").value("For Tuesday"))
			.andExpect(jsonPath("$.position").value(1));
		call(member, patch(location).contentType(MediaType.APPLICATION_JSON).content("{\"isPublic\": true}"))
			.andExpect(jsonPath("$.isPublic").value(true))
			.andExpect(jsonPath("$.name").value("Reading group"))
			.andExpect(jsonPath("$.papers[0].paperId").value(PAPER));
		call(member, get("/api/collections")).andExpect(jsonPath("$[0].paperCount").value(1));

		call(member, delete(location + "/papers/" + PAPER)).andExpect(status().isNoContent());
		call(member, delete(location)).andExpect(status().isNoContent());
		call(member, get(location)).andExpect(status().isNotFound());
		assertThat(this.library.countSaved(member.id())).as("the paper stays in the library").isEqualTo(1);
	}

	@Test
	void anotherMembersCollectionDoesNotExistForTheApi() throws Exception {
		Member owner = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		long id = this.library.createCollection(owner.id(), "Mine", null, "", true).id();

		call(other, get("/api/collections/" + id)).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		call(other, patch("/api/collections/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Theirs\"}"))
			.andExpect(status().isNotFound());
		call(other, post("/api/collections/" + id + "/papers/" + PAPER)).andExpect(status().isNotFound());
		call(other, delete("/api/collections/" + id)).andExpect(status().isNotFound());

		assertThat(this.library.collection(owner.id(), id).name()).isEqualTo("Mine");
		assertThat(this.library.items(id)).isEmpty();
	}

	@Test
	void aBadSlugOrATooLongNoteIsAProblemOf400ThatSaysWhatToChange() throws Exception {
		Member member = TestMembers.create(this.accounts);
		long id = this.library.createCollection(member.id(), "Reading", null, "", false).id();

		call(member, post("/api/collections").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Other\", \"slug\": \"../Admin\"}")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("lower-case letters")));
		call(member, post("/api/collections/" + id + "/papers/" + PAPER).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"" + "x".repeat(2001) + "\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A note is at most 2000 characters."));
		call(member, post("/api/collections").contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("{\"name\": \"Reading group\"")));

		assertThat(this.library.collections(member.id())).hasSize(1);
		assertThat(this.library.items(id)).isEmpty();
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocument() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/papers/{id}/save'].post.summary").value("Save a paper to your library"))
			.andExpect(jsonPath("$.paths['/api/collections/{id}'].patch").exists())
			.andExpect(jsonPath("$.paths['/api/authors/{name}/follow'].delete").exists());
	}

	@Test
	void aMemberWhoChangesTheirLibraryTooOftenIsRefusedWith429AndTheChangeIsNotKept() throws Exception {
		Member member = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		int limit = this.properties.changesPerMinute();
		for (int i = 0; i < limit / 2; i++) {
			call(member, post("/api/papers/" + PAPER + "/save")).andExpect(status().isOk());
			call(member, delete("/api/papers/" + PAPER + "/save")).andExpect(status().isOk());
		}

		call(member, post("/api/papers/hep-th/9901001/save")).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Too many requests"))
			.andExpect(jsonPath("$.detail").value(containsString("You changed your library " + limit + " times")));
		call(member, post("/api/collections").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"More\"}"))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(post("/library/follows").param("name", "Ada Lovelace")
			.with(TestMembers.signedIn(member))
			.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("You changed your library")));

		assertThat(this.library.savedIds(member.id())).isEmpty();
		assertThat(this.library.collections(member.id())).isEmpty();
		assertThat(this.library.followed(member.id())).isEmpty();
		call(member, get("/api/library")).andExpect(status().isOk());
		call(other, post("/api/papers/" + PAPER + "/save")).andExpect(status().isOk());
		this.clock.advance(java.time.Duration.ofSeconds(61));
		call(member, post("/api/papers/hep-th/9901001/save")).andExpect(status().isOk());
	}

	private ResultActions call(Member member, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request.with(TestMembers.signedIn(member)).with(csrf().asHeader()));
	}


}
