package io.paperboy.library;

import java.time.Instant;
import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library without JavaScript: the buttons' forms, the library and collection pages, the public
 * collection page with its exports and feeds, and the signals page, as members and visitors see them.
 */
@ExtendWith(EmptyCatalog.class)
@WebTest
class LibraryPagesTests {

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
	Votes votes;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void twoPapersOnADailyList() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper(PAPER)
			.withTitle("Attention & <b>everything</b>")
			.withAuthors("Ada Lovelace", "Zoë Ångström")
			.publishedAt(Instant.parse("2025-06-01T00:00:00Z"))
			.build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("Another paper").build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(PAPER, JUNE_2));
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", JUNE_2));
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToSignInFromEveryMembersPage() throws Exception {
		for (String page : new String[] { "/library", "/library/collections", "/library.bib", "/settings/signals",
				"/settings/signals.json" }) {
			this.mvc.perform(get(page)).andExpect(status().is3xxRedirection())
				.andExpect(header().string("Location", containsString("/signin?continue=")));
		}
		this.mvc.perform(post("/library/saves").param("paper", PAPER).param("back", "/papers").with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/signin?continue=%2Fpapers"));
	}

	@Test
	void aVisitorSeesASignInLinkWhereAMemberSeesTheSaveButton() throws Exception {
		this.mvc.perform(get("/papers/" + PAPER))
			.andExpect(content().string(containsString("title=\"Sign in to save papers to your library\"")))
			.andExpect(content().string(not(containsString("action=\"/library/saves\""))));
	}

	@Test
	void theSaveFormSavesThePaperAndSendsTheMemberBackAndTheButtonThenShowsItSaved() throws Exception {
		Member member = TestMembers.create(this.accounts);

		as(member, post("/library/saves").param("paper", PAPER).param("save", "add").param("back", "/papers/date/2025-06-02"))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/date/2025-06-02"));

		assertThat(this.library.savedIds(member.id())).containsExactly(PAPER);
		as(member, get("/papers/" + PAPER)).andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-pressed=\"true\" title=\"Take out of your library\">Saved</button>")));
		as(member, get("/papers/date/2025-06-02")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-api=\"/api/papers/" + PAPER + "/save\"")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"save\" value=\"remove\">")));

		as(member, post("/library/saves").param("paper", PAPER).param("save", "remove")).andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/papers/" + PAPER));
		assertThat(this.library.savedIds(member.id())).isEmpty();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndSavesNothing() throws Exception {
		Member member = TestMembers.create(this.accounts);

		this.mvc.perform(post("/library/saves").param("paper", PAPER).with(TestMembers.signedIn(member)))
			.andExpect(status().isForbidden());

		assertThat(this.library.savedIds(member.id())).isEmpty();
	}

	@Test
	void theFormsRefuseWhatTheyDoNotUnderstand() throws Exception {
		Member member = TestMembers.create(this.accounts);

		as(member, post("/library/saves").param("paper", PAPER).param("save", "maybe")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("save must be")));
		as(member, post("/library/saves").param("paper", "not an id")).andExpect(status().isBadRequest());
		as(member, post("/library/saves").param("paper", "2506.99999")).andExpect(status().isNotFound());
		as(member, post("/library/saves").param("paper", PAPER).param("back", "//evil.example/"))
			.andExpect(header().string("Location", "/papers"));
	}

	@Test
	void theLibraryListsSavedPapersNewestFirstAndLeavesOutThoseMarkedNotInteresting() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), PAPER, true);
		this.clock.advance(java.time.Duration.ofMinutes(1));
		this.library.save(member.id(), "2506.00002", true);

		String page = as(member, get("/library")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page.indexOf("Another paper")).isLessThan(page.indexOf("Attention &amp; &lt;b&gt;everything&lt;/b&gt;"));

		as(member, post("/library/not-interested").param("paper", "2506.00002").param("back", "/library"))
			.andExpect(header().string("Location", "/library"));
		as(member, get("/library")).andExpect(content().string(not(containsString("Another paper"))))
			.andExpect(content().string(containsString("1 paper ")));
	}

	@Test
	void aCollectionMadeWithTheFormsKeepsNotesEscapedOnItsPages() throws Exception {
		Member member = TestMembers.create(this.accounts);

		String location = as(member, post("/library/collections").param("name", "<script>alert('x')</script> picks")
			.param("isPublic", "true")).andExpect(status().isSeeOther()).andReturn().getResponse().getHeader("Location");
		PaperCollection collection = this.library.collections(member.id()).get(0);
		assertThat(location).isEqualTo("/library/collections/" + collection.id());
		assertThat(collection.slug()).isEqualTo("script-alert-x-script-picks");

		as(member, post("/library/collections/add").param("collection", Long.toString(collection.id())).param("paper", PAPER)
			.param("back", "/library")).andExpect(header().string("Location", "/library"));
		as(member, post(location + "/notes").param("paper", PAPER).param("note", "<img src=x onerror=alert(1)>"))
			.andExpect(status().isSeeOther());

		as(member, get(location)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>&lt;script&gt;alert('x')&lt;/script&gt; picks</h1>")))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<img src=x"))));
		this.mvc.perform(get("/u/" + member.username() + "/collections/" + collection.slug()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("action=\"" + location + "/notes\""))));
	}

	@Test
	void aCollectionIsRenamedMadePrivateAndDeletedWithTheForms() throws Exception {
		Member member = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", true);

		as(member, post(collection.editPath()).param("name", "Group").param("slug", "group").param("description", "Tuesdays"))
			.andExpect(status().isSeeOther());
		PaperCollection changed = this.library.collection(member.id(), collection.id());
		assertThat(changed.name()).isEqualTo("Group");
		assertThat(changed.isPublic()).as("an unchecked box makes it private").isFalse();

		as(member, post(collection.editPath()).param("name", "Group").param("slug", "Bad Slug"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("lower-case letters")));
		as(member, post(collection.editPath() + "/delete")).andExpect(header().string("Location", "/library/collections"));
		assertThat(this.library.collections(member.id())).isEmpty();
	}

	@Test
	void aPrivateCollectionIsThereForItsOwnerOnlyAndAnotherMemberCannotChangeIt() throws Exception {
		Member owner = TestMembers.create(this.accounts);
		Member other = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(owner.id(), "Secret", "secret", "", false);
		this.library.addToCollection(owner.id(), collection.id(), PAPER, "mine");
		String publicPath = "/u/" + owner.username() + "/collections/secret";

		this.mvc.perform(get(publicPath)).andExpect(status().isNotFound());
		this.mvc.perform(get(publicPath + "/feed.xml")).andExpect(status().isNotFound());
		this.mvc.perform(get(publicPath + ".bib")).andExpect(status().isNotFound());
		as(other, get(publicPath)).andExpect(status().isNotFound());
		as(other, get(collection.editPath())).andExpect(status().isNotFound());
		as(other, get(collection.editPath() + ".ris")).andExpect(status().isNotFound());
		as(other, post(collection.editPath() + "/remove").param("paper", PAPER)).andExpect(status().isNotFound());
		as(other, post(collection.editPath()).param("name", "Theirs").param("isPublic", "true"))
			.andExpect(status().isNotFound());
		as(owner, get(publicPath)).andExpect(status().isOk()).andExpect(content().string(containsString("only you see it")));

		assertThat(this.library.items(collection.id())).hasSize(1);
		assertThat(this.library.collection(owner.id(), collection.id()).isPublic()).isFalse();
	}

	@Test
	void thePublicCollectionsFeedIsWellEscapedXmlWithAnEntityTag() throws Exception {
		Member owner = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(owner.id(), "Tom & Jerry <picks>", "picks", "", true);
		this.library.addToCollection(owner.id(), collection.id(), PAPER, null);
		String feed = "/u/" + owner.username() + "/collections/picks/feed.xml";

		org.springframework.mock.web.MockHttpServletResponse response = this.mvc.perform(get(feed))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/rss+xml"))
			.andReturn()
			.getResponse();
		String etag = response.getHeader("ETag");
		org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(response.getContentAsByteArray()));
		org.w3c.dom.NodeList titles = document.getElementsByTagName("title");
		assertThat(titles.item(0).getTextContent()).isEqualTo("Tom & Jerry <picks> (" + owner.displayName() + ") on Paperboy");
		assertThat(titles.item(1).getTextContent()).isEqualTo("Attention & <b>everything</b>");
		this.mvc.perform(get(feed).header("If-None-Match", etag)).andExpect(status().isNotModified());
		this.mvc.perform(get("/u/" + owner.username() + "/collections/picks/feed.atom"))
			.andExpect(content().contentTypeCompatibleWith("application/atom+xml"));
	}

	@Test
	void theExportsGiveBibtexAndRisWithTheNotes() throws Exception {
		Member member = TestMembers.create(this.accounts);
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);
		this.library.addToCollection(member.id(), collection.id(), PAPER, "50% {done}");

		as(member, get("/library.bib")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/x-bibtex"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"library.bib\""))
			.andExpect(content().string(containsString("@misc{arXiv:2506.00001,")))
			.andExpect(content().string(containsString("title = {{Attention \\& <b>everything</b>}}")))
			.andExpect(content().string(containsString("author = {Ada Lovelace and Zoë Ångström}")))
			.andExpect(content().string(containsString("year = {2025}")));
		as(member, get(collection.editPath() + ".bib")).andExpect(content().string(containsString("note = {50\\% \\{done\\}}")));
		as(member, get(collection.editPath() + ".ris")).andExpect(status().isOk())
			.andExpect(content().string(containsString("TY  - UNPB\r\n")))
			.andExpect(content().string(containsString("AU  - Zoë Ångström\r\n")))
			.andExpect(content().string(containsString("N1  - 50% {done}\r\n")))
			.andExpect(content().string(containsString("ER  - \r\n")));
	}

	@Test
	void anAuthorPageOffersToFollowTheAuthorAndShowsWhomTheMemberFollows() throws Exception {
		this.mvc.perform(get("/authors/{name}", "Ada Lovelace"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a class=\"follow\" href=\"/signin?continue=")))
			.andExpect(content().string(not(containsString("action=\"/library/follows\""))));

		Member member = TestMembers.create(this.accounts);
		as(member, get("/authors/{name}", "Ada Lovelace")).andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/library/follows\"")))
			.andExpect(content().string(containsString("<button type=\"submit\" aria-pressed=\"false\">Follow</button>")));

		as(member, post("/library/follows").param("name", "ada  LOVELACE").param("follow", "add")
			.param("back", "/authors/Ada%20Lovelace")).andExpect(header().string("Location", "/authors/Ada%20Lovelace"));
		as(member, get("/authors/{name}", "Ada Lovelace"))
			.andExpect(content().string(containsString("<button type=\"submit\" aria-pressed=\"true\">Following</button>")));
		as(member, get("/authors/{name}", "Zoë Ångström"))
			.andExpect(content().string(containsString("aria-pressed=\"false\">Follow</button>")));
	}

	@Test
	void theSignalsPageListsWhatTheMemberGaveAndTheDownloadHasAllOfIt() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), PAPER, true);
		this.library.notInterested(member.id(), "2506.00002", true);
		this.library.follow(member.id(), "Ada Lovelace", true);
		this.votes.upvote("2506.00002", member.id());
		PaperCollection collection = this.library.createCollection(member.id(), "Reading", null, "", false);
		this.library.addToCollection(member.id(), collection.id(), PAPER, "note");

		as(member, get("/settings/signals")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Ada Lovelace")))
			.andExpect(content().string(containsString("Show again")))
			.andExpect(content().string(containsString("action=\"/papers/2506.00002/upvote\"")))
			.andExpect(content().string(containsString("Download my data (JSON)")));
		as(member, get("/settings/signals.json")).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(jsonPath("$.username").value(member.username()))
			.andExpect(jsonPath("$.saved[0].paperId").value(PAPER))
			.andExpect(jsonPath("$.notInterested[0].paperId").value("2506.00002"))
			.andExpect(jsonPath("$.following[0].name").value("Ada Lovelace"))
			.andExpect(jsonPath("$.collections[0].papers[0].note").value("note"))
			.andExpect(jsonPath("$.upvoted[0]").value("2506.00002"));

		as(member, post("/library/follows").param("name", "Ada Lovelace").param("follow", "remove")
			.param("back", "/settings/signals")).andExpect(header().string("Location", "/settings/signals"));
		assertThat(this.library.followed(member.id())).isEmpty();
	}

	@Test
	void anotherMembersProfileShowsNoneOfTheirPrivateSignals() throws Exception {
		Member member = TestMembers.create(this.accounts);
		this.library.save(member.id(), PAPER, true);
		this.library.createCollection(member.id(), "Secret reading", null, "", false);

		this.mvc.perform(get("/u/" + member.username())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Attention"))))
			.andExpect(content().string(not(containsString("Secret reading"))));
	}

	private ResultActions as(Member member, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(TestMembers.signedIn(member)).with(csrf()));
	}

}
