package io.paperboy.community;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.ingest.ArxivConnection;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.HtmlText;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.TestHttpServers;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.ingest.arxiv.HandMadeFeeds.entry;
import static io.paperboy.ingest.arxiv.HandMadeFeeds.page;
import static io.paperboy.support.TestMembers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Members submit papers through the submit page and the API, with a local server playing arXiv and
 * the clock at {@link MutableClock.Configuration#START} (today is 2025-06-02).
 */
@ExtendWith(EmptyCatalog.class)
@WebTest
class SubmittingTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

	private static final Map<String, String> ATOM = Map.of("Content-Type", "application/atom+xml");

	private static final ScriptedHttpServer arxiv = TestHttpServers.arxiv();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private Accounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ArxivConnection arxivConnection;

	@Autowired
	private SubmissionProperties limits;

	private Member ada;

	@BeforeEach
	void emptyCatalogAndOneMember() {
		this.clock.set(MutableClock.Configuration.START);
		this.ada = TestMembers.member(this.accounts, "ada", "Ada Lovelace");
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentToSignInAndBack() throws Exception {
		this.mvc.perform(get("/submit")).andExpect(redirectedUrl("/signin?continue=%2Fsubmit"));
	}

	@Test
	void aMemberWhoHasNotChosenAUsernameChoosesOneFirst() throws Exception {
		Member newcomer = this.accounts.loadUserByUsername("newcomer@example.org");
		this.catalog.savePaper(recent("2505.10001"), null);

		this.mvc.perform(get("/submit").with(signedIn(newcomer))).andExpect(redirectedUrl("/welcome?continue=/submit"));
		this.mvc.perform(post("/submit").with(signedIn(newcomer)).with(csrf()).param("paper", "2505.10001"))
			.andExpect(redirectedUrl("/welcome?continue=/submit"));
		this.mvc.perform(post("/api/papers/submit").with(signedIn(newcomer)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.10001\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("/welcome")));
		assertThat(this.catalog.dailyEntryOf("2505.10001")).isEmpty();
	}

	@Test
	void theFormIsShownToAMemberWithoutTheDayField() throws Exception {
		this.mvc.perform(get("/submit").with(signedIn(this.ada)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"paper\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"day\""))));
	}

	@Test
	void aPaperInTheCatalogJoinsTodaysListWithTheMemberAsSubmitterWithoutAskingArxiv() throws Exception {
		this.catalog.savePaper(recent("2505.10001"), null);
		int asked = arxiv.requests().size();

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "https://arxiv.org/abs/2505.10001v2"))
			.andExpect(redirectedUrl("/submit?paper=2505.10001&outcome=added"));

		DailyEntry entry = this.catalog.dailyEntryOf("2505.10001").orElseThrow();
		assertThat(entry.day()).isEqualTo(TODAY);
		assertThat(entry.submitterId()).isEqualTo(this.ada.id());
		assertThat(entry.submittedAt()).isEqualTo(MutableClock.Configuration.START);
		assertThat(arxiv.requests()).hasSize(asked);
		String day = this.mvc.perform(get("/papers/date/2025-06-02")).andReturn().getResponse().getContentAsString();
		assertThat(HtmlText.of(day)).contains("A study of 2505.10001").contains("Submitted by Ada Lovelace");
		String result = this.mvc.perform(get("/submit?paper=2505.10001&outcome=added").with(signedIn(this.ada)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(HtmlText.of(result)).contains("Submitted: A study of 2505.10001 is on the list of 2025-06-02");
		assertThat(result).contains("href=\"/papers/date/2025-06-02\"");
	}

	@Test
	void aPaperNewToTheCatalogIsFetchedFromArxivAndSavedWithItsEntry() throws Exception {
		arxiv.when((request) -> "2505.20001".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, page(1, 0, entry("2505.20001", 2, "2025-05-30T10:00:00Z")));

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "arxiv.org/pdf/2505.20001v1.pdf"))
			.andExpect(redirectedUrl("/submit?paper=2505.20001&outcome=added"));

		assertThat(this.catalog.findPaper("2505.20001")).hasValueSatisfying((paper) -> {
			assertThat(paper.title()).isEqualTo("Paper 2505.20001");
			assertThat(paper.version()).isEqualTo(2);
			assertThat(paper.publishedAt()).isEqualTo(Instant.parse("2025-05-30T10:00:00Z"));
		});
		assertThat(this.catalog.dailyEntryOf("2505.20001")).hasValueSatisfying(
				(entry) -> assertThat(entry.submitterId()).isEqualTo(this.ada.id()));
		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02"))
			.andExpect(jsonPath("$[0].paper.id").value("2505.20001"))
			.andExpect(jsonPath("$[0].submittedBy.name").value("ada"));
	}

	@Test
	void anIdArxivDoesNotHaveIsRefusedWithTheTextKeptAndNothingSaved() throws Exception {
		arxiv.when((request) -> "2505.99999".equals(request.parameter("id_list"))).thenRespond(200, ATOM, page(0, 0));

		String body = this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "arXiv:2505.99999"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("arXiv has no paper 2505.99999");
		assertThat(body).contains("value=\"arXiv:2505.99999\"");
		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isZero();
	}

	@Test
	void textThatIsNotAnIdIsRefusedWithTheTextKeptEscaped() throws Exception {
		int asked = arxiv.requests().size();

		String body = this.mvc
			.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "\"><script>alert(1)</script>"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("is not an arXiv id or address");
		assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
		assertThat(arxiv.requests()).hasSize(asked);
	}

	@Test
	void whenArxivAnswers503TheMemberIsToldToTryAgainLaterAndNothingIsSaved() throws Exception {
		arxiv.when((request) -> "2505.30001".equals(request.parameter("id_list"))).thenRespond(503, Map.of(), "busy");

		String body = this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.30001"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("arXiv could not be reached just now").contains("try again");
		assertThat(body).contains("value=\"2505.30001\"");
		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isZero();
	}

	@Test
	void whenArxivHangsUpTheMemberIsToldToTryAgainLaterAndNothingIsSaved() throws Exception {
		arxiv.when((request) -> "2505.30002".equals(request.parameter("id_list"))).thenHangUp();

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.30002"))
			.andExpect(status().isServiceUnavailable());

		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
	}

	@Test
	void aPaperOlderThanTheMaximumAgeIsRefusedForAMember() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2505.00001").publishedAt(Instant.parse("2025-05-01T00:00:00Z")).build(),
				null);

		String body = this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.00001"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("2505.00001 was first published on May 1, 2025, more than 14 days ago");
		assertThat(this.catalog.dailyEntryOf("2505.00001")).isEmpty();
	}

	@Test
	void anOldPaperFetchedFromArxivIsNeitherListedNorSavedForAMember() throws Exception {
		arxiv.when((request) -> "2404.00001".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, page(1, 0, entry("2404.00001", 1, "2024-04-01T10:00:00Z")));

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2404.00001"))
			.andExpect(status().isBadRequest());

		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
	}

	@Test
	void aCuratorMaySubmitAnOldPaperAndChooseItsDay() throws Exception {
		Member curator = TestMembers.member(this.accounts, "grace", "Grace Hopper", Role.CURATOR);
		this.catalog.savePaper(TestPapers.paper("2505.00001").publishedAt(Instant.parse("2025-05-01T00:00:00Z")).build(),
				null);
		this.mvc.perform(get("/submit").with(signedIn(curator)))
			.andExpect(content().string(containsString("name=\"day\"")));

		this.mvc.perform(post("/submit").with(signedIn(curator)).with(csrf()).param("paper", "2505.00001").param("day", "2025-05-30"))
			.andExpect(redirectedUrl("/submit?paper=2505.00001&outcome=added"));

		assertThat(this.catalog.dailyEntryOf("2505.00001")).hasValueSatisfying((entry) -> {
			assertThat(entry.day()).isEqualTo(LocalDate.of(2025, 5, 30));
			assertThat(entry.submitterId()).isEqualTo(curator.id());
		});
	}

	@Test
	void aCuratorCannotSubmitToADayThatHasNotBegun() throws Exception {
		Member curator = TestMembers.member(this.accounts, "grace", "Grace Hopper", Role.CURATOR);
		this.catalog.savePaper(recent("2505.10001"), null);

		this.mvc.perform(post("/submit").with(signedIn(curator)).with(csrf()).param("paper", "2505.10001").param("day", "2025-06-03"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("has not begun yet")));
		this.mvc.perform(post("/submit").with(signedIn(curator)).with(csrf()).param("paper", "2505.10001").param("day", "June 3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("write it as YYYY-MM-DD")));

		assertThat(this.catalog.dailyEntryOf("2505.10001")).isEmpty();
	}

	@Test
	void aMemberCannotChooseTheDay() throws Exception {
		this.catalog.savePaper(recent("2505.10001"), null);

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.10001").param("day", "2025-05-30"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("only curators choose another day")));

		assertThat(this.catalog.dailyEntryOf("2505.10001")).isEmpty();
	}

	@Test
	void aPaperAlreadyOnAListIsShownWhereItIsAndStaysThere() throws Exception {
		Member grace = TestMembers.member(this.accounts, "grace", "Grace Hopper");
		this.catalog.savePaper(recent("2505.10001"), null);
		this.catalog.placeOnDailyList(TestPapers.entry("2505.10001", LocalDate.of(2025, 5, 31), grace.id()));

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.10001"))
			.andExpect(redirectedUrl("/submit?paper=2505.10001&outcome=listed"));
		String body = this.mvc.perform(get("/submit?paper=2505.10001&outcome=listed").with(signedIn(this.ada)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(HtmlText.of(body)).contains("is already on the list of 2025-05-31, submitted by Grace Hopper");
		assertThat(body).contains("href=\"/papers/date/2025-05-31\"").contains("href=\"/papers/2505.10001\"");
		assertThat(this.catalog.dailyEntryOf("2505.10001")).hasValueSatisfying((entry) -> {
			assertThat(entry.day()).isEqualTo(LocalDate.of(2025, 5, 31));
			assertThat(entry.submitterId()).isEqualTo(grace.id());
		});
	}

	@Test
	void aMemberWhoSubmitsTooOftenIsRefusedWith429() throws Exception {
		int limit = this.limits.submissionsPerDay();
		for (int i = 1; i <= limit + 1; i++) {
			this.catalog.savePaper(recent("2505.%05d".formatted(10000 + i)), null);
		}
		for (int i = 1; i <= limit; i++) {
			this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.%05d".formatted(10000 + i)))
				.andExpect(status().is3xxRedirection());
		}
		String oneTooMany = "2505.%05d".formatted(10000 + limit + 1);

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", oneTooMany))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("You have submitted " + limit + " papers in the last 24 hours")));
		assertThat(this.catalog.dailyEntryOf(oneTooMany)).isEmpty();

		this.clock.advance(java.time.Duration.ofHours(25));
		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", oneTooMany))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void markupInATitleOrANameIsShownAsTextOnTheResult() throws Exception {
		Member hostile = this.accounts.chooseProfile(this.ada.id(), "ada", "<img src=x onerror=alert(1)>");
		this.catalog.savePaper(TestPapers.paper("2505.10001")
			.withTitle("<script>alert(1)</script> & friends")
			.publishedAt(Instant.parse("2025-05-30T17:00:00Z"))
			.build(), null);
		this.catalog.placeOnDailyList(TestPapers.entry("2505.10001", TODAY, hostile.id()));

		String body = this.mvc.perform(get("/submit?paper=2505.10001&outcome=listed").with(signedIn(hostile)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("<script>alert(1)</script>")
			.doesNotContain("<img src=x")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends");
	}

	@Test
	void aSubmissionWithoutTheCsrfTokenIsForbidden() throws Exception {
		this.catalog.savePaper(recent("2505.10001"), null);

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).param("paper", "2505.10001")).andExpect(status().isForbidden());

		assertThat(this.catalog.dailyEntryOf("2505.10001")).isEmpty();
	}

	@Test
	void theApiSubmitsAndAnswers201ThenTheExistingEntryWith200() throws Exception {
		this.catalog.savePaper(recent("2505.10001"), null);

		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"https://arxiv.org/abs/2505.10001\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/papers/2505.10001"))
			.andExpect(jsonPath("$.id").value("2505.10001"))
			.andExpect(jsonPath("$.date").value("2025-06-02"))
			.andExpect(jsonPath("$.submittedBy").value("ada"))
			.andExpect(jsonPath("$.added").value(true));
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.10001\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(false));
	}

	@Test
	void theApiAnswersProblemsForBadInputAnonymousCallersAndAnUnreachableArxiv() throws Exception {
		arxiv.when((request) -> "2505.30003".equals(request.parameter("id_list"))).thenRespond(503, Map.of(), "busy");

		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"not an id\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("is not an arXiv id or address")));
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/papers/submit").with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.10001\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.30003\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("Nothing was saved")));
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("arxivId=2505.10001"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.10001\"}"))
			.andExpect(status().isForbidden());
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isZero();
	}

	@Test
	void whenArxivAcceptsTheConnectionAndNeverAnswersTheMemberIsToldBeforeTheDeadlinePasses() throws Exception {
		arxiv.when((request) -> "2505.30004".equals(request.parameter("id_list"))).thenStall(Duration.ofMinutes(5));

		long started = System.nanoTime();
		String body = this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.30004"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(post("/api/papers/submit").with(signedIn(this.ada)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"arxivId\": \"2505.30004\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(jsonPath("$.detail", containsString("try again in a minute")));

		// a safety bound, not a measure: two look-ups of 2 s each, where the sources' retries take minutes
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(HtmlText.of(body)).contains("arXiv could not be reached just now to look up 2505.30004")
			.contains("try again in a minute");
		assertThat(body).contains("value=\"2505.30004\"");
		assertThat(arxiv.requests().stream().filter((request) -> "2505.30004".equals(request.parameter("id_list"))))
			.as("asked once per submission, never retried")
			.hasSize(2);
		assertThat(CatalogTables.count(this.jdbc, "papers")).isZero();
	}

	@Test
	void whenASourceHoldsTheArxivConnectionTheMemberIsToldAtTheDeadlineInsteadOfQueueing() throws Exception {
		arxiv.when((request) -> request.parameter("search_query") != null)
			.thenStall(Duration.ofSeconds(4))
			.thenRespond(200, ATOM, page(0, 0));
		arxiv.when((request) -> "2505.30005".equals(request.parameter("id_list")))
			.thenRespond(200, ATOM, page(1, 0, entry("2505.30005", 1, "2025-05-30T10:00:00Z")));
		CompletableFuture<String> harvest = CompletableFuture
			.supplyAsync(() -> this.arxivConnection.http().get(arxiv.uri("/api/query?search_query=cat:cs.AI")));
		org.awaitility.Awaitility.await()
			.until(() -> arxiv.requests().stream().anyMatch((request) -> request.parameter("search_query") != null));

		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.30005"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "60"));

		assertThat(arxiv.requests().stream().filter((request) -> "2505.30005".equals(request.parameter("id_list"))))
			.as("not asked while a source had the connection")
			.isEmpty();
		harvest.join();
		this.mvc.perform(post("/submit").with(signedIn(this.ada)).with(csrf()).param("paper", "2505.30005"))
			.andExpect(status().is3xxRedirection());
	}

	private static io.paperboy.catalog.Paper recent(String id) {
		return TestPapers.paper(id).publishedAt(Instant.parse("2025-05-30T17:00:00Z")).build();
	}

}
