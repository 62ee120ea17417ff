package io.paperboy.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Author;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(EmptyCatalog.class)
@WebTest
class DailyPapersApiTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private UserDirectory users;

	@Test
	void aClientThatAcceptsGzipGetsTheSameAnswerGzipped() throws Exception {
		this.catalog.savePaper(TestPapers.paper("2506.00001").withUpvotes(3).build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", JUNE_2));
		byte[] plain = this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02"))
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_ENCODING))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		byte[] gzipped = this.mvc
			.perform(get("/api/daily_papers").param("date", "2025-06-02").header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_ENCODING, "gzip"))
			.andExpect(header().string(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\":\"2506.00001\"");
	}

	@Test
	void anItemHasHuggingFacesLayoutWithThePaperNested() throws Exception {
		User submitter = this.users.ensureImported("akhaliq", "AK", "https://example.org/ak.png", "hf-1");
		Paper paper = TestPapers.paper("2506.00001")
			.withVersion(2, null)
			.withTitle("A Fully\n  Described Paper")
			.withSummary("The abstract\nas arXiv wraps it.")
			.publishedAt(Instant.parse("2025-05-30T17:59:01Z"))
			.withAuthors(new Author("Ada Lovelace", "683d2d05ae87a04bca311b22", false),
					new Author("Alan Turing", "683d2d05ae87a04bca311b23", true))
			.withGithub("https://github.com/example/described", 321)
			.withProjectPage("https://example.org/described")
			.withAiSummary("A one-line summary.", "reasoning", "reinforcement learning")
			.withDiscussion("683d2d08ae87a04bca311bd4")
			.withUpvotes(12)
			.withComments(4)
			.build();
		this.catalog.savePaper(paper, JUNE_2);
		this.catalog.placeOnDailyList(new DailyEntry("2506.00001", JUNE_2, Instant.parse("2025-06-02T03:18:21.654Z"),
				submitter.id(), "https://example.org/thumb.png", List.of("https://example.org/video.mp4"), true,
				"{\"_id\":\"org-1\",\"name\":\"nvidia\",\"fullname\":\"NVIDIA\"}"));

		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].title").value("A Fully\n  Described Paper"))
			.andExpect(jsonPath("$[0].summary").value("The abstract\nas arXiv wraps it."))
			.andExpect(jsonPath("$[0].publishedAt").value("2025-06-02T03:18:21.654Z"))
			.andExpect(jsonPath("$[0].numComments").value(4))
			.andExpect(jsonPath("$[0].submittedBy.name").value("akhaliq"))
			.andExpect(jsonPath("$[0].submittedBy.fullname").value("AK"))
			.andExpect(jsonPath("$[0].submittedBy.avatarUrl").value("https://example.org/ak.png"))
			// our own image of the first page, never the one the list linked to
			.andExpect(jsonPath("$[0].thumbnail").value("https://papers.example.org/papers/2506.00001/thumbnail"))
			.andExpect(jsonPath("$[0].mediaUrls[0]").value("https://example.org/video.mp4"))
			.andExpect(jsonPath("$[0].isAuthorParticipating").value(true))
			.andExpect(jsonPath("$[0].organization.name").value("nvidia"))
			.andExpect(jsonPath("$[0].organization.fullname").value("NVIDIA"))
			.andExpect(jsonPath("$[0].paper.id").value("2506.00001"))
			.andExpect(jsonPath("$[0].paper.title").value("A Fully\n  Described Paper"))
			.andExpect(jsonPath("$[0].paper.summary").value("The abstract\nas arXiv wraps it."))
			.andExpect(jsonPath("$[0].paper.authors.length()").value(2))
			.andExpect(jsonPath("$[0].paper.authors[0]._id").value("683d2d05ae87a04bca311b22"))
			.andExpect(jsonPath("$[0].paper.authors[0].name").value("Ada Lovelace"))
			.andExpect(jsonPath("$[0].paper.authors[0].hidden").value(false))
			.andExpect(jsonPath("$[0].paper.authors[1].hidden").value(true))
			.andExpect(jsonPath("$[0].paper.publishedAt").value("2025-05-30T17:59:01.000Z"))
			.andExpect(jsonPath("$[0].paper.submittedOnDailyAt").value("2025-06-02T03:18:21.654Z"))
			.andExpect(jsonPath("$[0].paper.submittedOnDailyBy.user").value("akhaliq"))
			.andExpect(jsonPath("$[0].paper.submittedOnDailyBy.fullname").value("AK"))
			.andExpect(jsonPath("$[0].paper.upvotes").value(12))
			.andExpect(jsonPath("$[0].paper.discussionId").value("683d2d08ae87a04bca311bd4"))
			.andExpect(jsonPath("$[0].paper.githubRepo").value("https://github.com/example/described"))
			.andExpect(jsonPath("$[0].paper.githubStars").value(321))
			.andExpect(jsonPath("$[0].paper.projectPage").value("https://example.org/described"))
			.andExpect(jsonPath("$[0].paper.ai_summary").value("A one-line summary."))
			.andExpect(jsonPath("$[0].paper.ai_keywords[1]").value("reinforcement learning"))
			.andExpect(jsonPath("$[0].paper.numComments").doesNotExist());
	}

	@Test
	void withoutParametersTheMostRecentDayIsListed() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 29), 50);
		list("2506.00001", JUNE_2, 1);

		assertThat(ids(get("/api/daily_papers"))).containsExactly("2506.00001");
	}

	@Test
	void aDateListsThatDayAlone() throws Exception {
		list("2505.00001", LocalDate.of(2025, 5, 29), 1);
		list("2506.00001", JUNE_2, 1);
		list("2506.00002", LocalDate.of(2025, 6, 3), 1);

		assertThat(ids(get("/api/daily_papers").param("date", "2025-06-02"))).containsExactly("2506.00001");
	}

	@Test
	void aDateWithoutPapersListsNothing() throws Exception {
		list("2506.00001", JUNE_2, 1);

		assertThat(ids(get("/api/daily_papers").param("date", "2025-06-01"))).isEmpty();
	}

	@Test
	void anIsoWeekListsItsMondayToSundayAcrossTheTurnOfTheYear() throws Exception {
		list("2412.00029", LocalDate.of(2024, 12, 29), 1);
		list("2412.00030", LocalDate.of(2024, 12, 30), 1);
		list("2501.00005", LocalDate.of(2025, 1, 5), 1);
		list("2501.00006", LocalDate.of(2025, 1, 6), 1);

		assertThat(ids(get("/api/daily_papers").param("week", "2025-W01"))).containsExactly("2501.00005", "2412.00030");
	}

	@Test
	void theFiftyThirdWeekOf2020IsAWeek() throws Exception {
		list("2012.00031", LocalDate.of(2020, 12, 31), 1);

		assertThat(ids(get("/api/daily_papers").param("week", "2020-W53"))).containsExactly("2012.00031");
	}

	@Test
	void aMonthListsItsFirstToItsLastDay() throws Exception {
		list("2505.00031", LocalDate.of(2025, 5, 31), 1);
		list("2506.00001", LocalDate.of(2025, 6, 1), 1);
		list("2506.00030", LocalDate.of(2025, 6, 30), 1);
		list("2507.00001", LocalDate.of(2025, 7, 1), 1);

		assertThat(ids(get("/api/daily_papers").param("month", "2025-06"))).containsExactly("2506.00030", "2506.00001");
	}

	@Test
	void aSubmitterListsTheirPapersFromEveryDay() throws Exception {
		User ak = this.users.ensureImported("akhaliq", "AK", null, null);
		User other = this.users.ensureImported("someone", "Someone", null, null);
		listBy("2505.00001", LocalDate.of(2025, 5, 29), ak);
		listBy("2506.00001", JUNE_2, other);
		listBy("2506.00002", JUNE_2, ak);

		this.mvc.perform(get("/api/daily_papers").param("submitter", "akhaliq"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id").value(contains("2506.00002", "2505.00001")))
			.andExpect(jsonPath("$[*].submittedBy.name").value(everyItem(is("akhaliq"))));
	}

	@Test
	void anUnknownSubmitterListsNothing() throws Exception {
		list("2506.00001", JUNE_2, 1);

		assertThat(ids(get("/api/daily_papers").param("submitter", "nobody"))).isEmpty();
	}

	@Test
	void byDefaultTheMostRecentlyListedComeFirst() throws Exception {
		listAt("2506.00001", "2025-06-02T01:00:00Z", 50);
		listAt("2506.00002", "2025-06-02T09:00:00Z", 1);
		listAt("2506.00003", "2025-06-02T05:00:00Z", 20);

		assertThat(ids(get("/api/daily_papers").param("date", "2025-06-02"))).containsExactly("2506.00002",
				"2506.00003", "2506.00001");
		assertThat(ids(get("/api/daily_papers").param("date", "2025-06-02").param("sort", "publishedAt")))
			.containsExactly("2506.00002", "2506.00003", "2506.00001");
	}

	@Test
	void trendingOrdersADayByTrendingScore() throws Exception {
		// on one day, imported counts a few hours apart decay alike: the most upvoted come first
		listAt("2506.00001", "2025-06-02T01:00:00Z", 50);
		listAt("2506.00002", "2025-06-02T09:00:00Z", 1);
		listAt("2506.00003", "2025-06-02T05:00:00Z", 20);

		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02").param("sort", "trending"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id").value(contains("2506.00001", "2506.00003",
					"2506.00002")))
			.andExpect(jsonPath("$[*].paper.upvotes").value(contains(50, 20, 1)));
	}

	@Test
	void aWeekComesMostUpvotedFirstAndAmongEqualsMostRecentlyListedFirst() throws Exception {
		listAt("2506.00001", "2025-06-02T01:00:00Z", 5);
		listAt("2506.00002", "2025-06-04T09:00:00Z", 40);
		listAt("2506.00003", "2025-06-03T05:00:00Z", 5);
		listAt("2506.00004", "2025-06-08T23:00:00Z", 12);
		listAt("2506.00005", "2025-06-09T00:00:00Z", 99);

		this.mvc.perform(get("/api/daily_papers").param("week", "2025-W23"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id").value(contains("2506.00002", "2506.00004", "2506.00003", "2506.00001")))
			.andExpect(jsonPath("$[*].paper.upvotes").value(contains(40, 12, 5, 5)));
	}

	@Test
	void aMonthComesMostUpvotedFirst() throws Exception {
		listAt("2506.00001", "2025-06-01T01:00:00Z", 3);
		listAt("2506.00002", "2025-06-30T09:00:00Z", 1);
		listAt("2506.00003", "2025-06-15T05:00:00Z", 70);
		listAt("2505.00001", "2025-05-31T05:00:00Z", 99);

		assertThat(ids(get("/api/daily_papers").param("month", "2025-06"))).containsExactly("2506.00003",
				"2506.00001", "2506.00002");
	}

	@Test
	void aWeekOrAMonthCanStillBeAskedForMostRecentlyListedFirst() throws Exception {
		listAt("2506.00001", "2025-06-02T01:00:00Z", 50);
		listAt("2506.00002", "2025-06-05T09:00:00Z", 1);
		listAt("2506.00003", "2025-06-03T05:00:00Z", 20);

		assertThat(ids(get("/api/daily_papers").param("week", "2025-W23").param("sort", "publishedAt")))
			.containsExactly("2506.00002", "2506.00003", "2506.00001");
		assertThat(ids(get("/api/daily_papers").param("month", "2025-06").param("sort", "publishedAt")))
			.containsExactly("2506.00002", "2506.00003", "2506.00001");
	}

	@Test
	void theNextPageOfAWeekContinuesItsUpvoteOrder() throws Exception {
		for (int i = 1; i <= 3; i++) {
			listAt("2506.0000" + i, "2025-06-0" + (i + 1) + "T12:00:00Z", i * 10);
		}

		MvcResult first = this.mvc.perform(get("/api/daily_papers").param("week", "2025-W23").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].paper.id").value(contains("2506.00003", "2506.00002")))
			.andReturn();

		assertThat(nextLink(first))
			.isEqualTo("https://papers.example.org/api/daily_papers?week=2025-W23&p=1&limit=2");
		assertThat(ids(get(URI.create(nextLink(first))))).containsExactly("2506.00001");
	}

	@Test
	void pagesAreLinkedByTheirNextLinkUntilTheLast() throws Exception {
		for (int i = 1; i <= 5; i++) {
			list("2506.0000" + i, JUNE_2, i * 10);
		}

		MvcResult first = this.mvc
			.perform(get("/api/daily_papers").param("date", "2025-06-02").param("sort", "trending").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.LINK,
					"<https://papers.example.org/api/daily_papers?date=2025-06-02&sort=trending&p=1&limit=2>; rel=\"next\""))
			.andReturn();
		MvcResult second = this.mvc.perform(get(URI.create(nextLink(first)))).andExpect(status().isOk()).andReturn();
		MvcResult third = this.mvc.perform(get(URI.create(nextLink(second)))).andExpect(status().isOk()).andReturn();

		assertThat(nextLink(second)).endsWith("p=2&limit=2");
		assertThat(third.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		List<String> all = new ArrayList<>();
		for (MvcResult page : List.of(first, second, third)) {
			all.addAll(JsonPath.read(page.getResponse().getContentAsString(), "$[*].paper.id"));
		}
		assertThat(all).containsExactly("2506.00005", "2506.00004", "2506.00003", "2506.00002", "2506.00001");
	}

	@Test
	void aPageThatEndsTheListHasNoNextLink() throws Exception {
		for (int i = 1; i <= 4; i++) {
			list("2506.0000" + i, JUNE_2, i);
		}

		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02").param("p", "1").param("limit", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(header().doesNotExist(HttpHeaders.LINK));
	}

	@Test
	void aPagePastTheEndIsAnEmptyList() throws Exception {
		list("2506.00001", JUNE_2, 1);

		this.mvc.perform(get("/api/daily_papers").param("date", "2025-06-02").param("p", "3"))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"))
			.andExpect(header().doesNotExist(HttpHeaders.LINK));
	}

	@Test
	void anEmptyCatalogIsAnEmptyList() throws Exception {
		this.mvc.perform(get("/api/daily_papers"))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"))
			.andExpect(header().doesNotExist(HttpHeaders.LINK));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "date=2025-13-01 | date must", "date=2025-02-30 | date must",
			"date=yesterday | date must", "week=2021-W53 | week must", "week=2025-W00 | week must",
			"week=2025-W54 | week must", "week=2025-23 | week must", "month=2025-13 | month must",
			"month=2025-6 | month must", "date=2025-06-02&week=2025-W23 | at most one",
			"week=2025-W23&month=2025-06 | at most one", "month=2025-06&submitter=akhaliq | at most one",
			"date=2025-06-02&submitter=akhaliq | at most one", "submitter=two%20words | submitter must",
			"sort=popular | sort must", "p=-1 | p must", "p=first | p must", "limit=0 | limit must",
			"limit=101 | limit must", "limit=ten | limit must" })
	void anInvalidParameterIsABadRequestWithAProblemDocument(String query, String detail) throws Exception {
		String body = this.mvc.perform(get(URI.create("/api/daily_papers?" + query)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad request"))
			.andExpect(jsonPath("$.detail").value(containsString(detail)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("Exception").doesNotContain("at io.paperboy");
	}

	private List<String> ids(RequestBuilder request) throws Exception {
		String body = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$[*].paper.id");
	}

	private static String nextLink(MvcResult result) {
		String link = result.getResponse().getHeader(HttpHeaders.LINK);
		assertThat(link).isNotNull();
		Matcher matcher = NEXT_LINK.matcher(link);
		assertThat(matcher.matches()).as("a rel=next link: %s", link).isTrue();
		return matcher.group(1);
	}

	private void list(String id, LocalDate day, int upvotes) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day));
	}

	private void listAt(String id, String submittedAt, int upvotes) {
		Instant at = Instant.parse(submittedAt);
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), day);
		this.catalog.placeOnDailyList(new DailyEntry(id, day, at, null, null, List.of(), null, null));
	}

	private void listBy(String id, LocalDate day, User submitter) {
		this.catalog.savePaper(TestPapers.paper(id).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day, submitter.id()));
	}

}
