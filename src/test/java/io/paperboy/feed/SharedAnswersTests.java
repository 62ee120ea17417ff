package io.paperboy.feed;

import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.community.Votes;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

/**
 * What anonymous visitors read most (the list pages, the API's lists, the feeds) is sent as kept
 * bytes ahead of sessions and Spring Security: with the same bytes and headers as through the whole
 * chain, an entity tag that answers {@code If-None-Match} with 304 until the data changes, no
 * session, and never to a member.
 */
@WebTest
@ExtendWith(EmptyCatalog.class)
class SharedAnswersTests {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	/** Every address answered ahead of the chain, one of each pattern. */
	private static final List<String> DOORS = List.of("/papers", "/papers/date/2025-06-02", "/papers/week/2025-W23",
			"/papers/month/2025-06", "/papers/trending", "/api/daily_papers?date=2025-06-02", "/api/daily_papers",
			"/papers/feed.xml", "/papers/date/2025-06-02/feed.atom", "/papers/week/2025-W23/feed.xml",
			"/papers/month/2025-06/feed.atom", "/papers/trending/feed.xml");

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MeterRegistry meters;

	private User ak;

	@BeforeEach
	void twoPapersOnJune2() {
		this.ak = this.users.ensureImported("akhaliq", "AK", null, null);
		list("2506.00001", "A paper about lists", 5);
		list("2506.00002", "A paper about tags", 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/date/2025-06-02", "/papers/week/2025-W23", "/papers/month/2025-06",
			"/papers/trending", "/api/daily_papers?date=2025-06-02", "/api/daily_papers", "/papers/feed.xml",
			"/papers/date/2025-06-02/feed.atom", "/papers/week/2025-W23/feed.xml", "/papers/month/2025-06/feed.atom",
			"/papers/trending/feed.xml" })
	void theAnswerAheadOfTheChainIsTheSameAsThroughIt(String path) throws Exception {
		for (String encoding : List.of("identity", "gzip")) {
			MockHttpServletResponse ahead = perform(get(path).header(HttpHeaders.ACCEPT_ENCODING, encoding));
			// a session cookie that names no session: the whole chain, for an anonymous visitor
			MockHttpServletResponse through = perform(
					get(path).header(HttpHeaders.ACCEPT_ENCODING, encoding).cookie(unknownSession()));

			assertThat(ahead.getStatus()).isEqualTo(200);
			assertThat(ahead.getContentAsByteArray()).isEqualTo(through.getContentAsByteArray());
			assertThat(ahead.getHeaderNames()).containsExactlyInAnyOrderElementsOf(through.getHeaderNames());
			for (String name : through.getHeaderNames()) {
				assertThat(ahead.getHeaderValues(name)).as(name).isEqualTo(through.getHeaderValues(name));
			}
		}
	}

	@Test
	void readingEveryDoorAnonymouslyMakesNoSessionNoTokenAndSetsNoCookie() throws Exception {
		long sessions = sessions();

		for (String path : DOORS) {
			MvcResult result = this.mvc.perform(get(path)).andReturn();
			MockHttpServletResponse response = result.getResponse();

			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(result.getRequest().getAttribute(CsrfToken.class.getName())).as(path).isNull();
			assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).as(path).isNull();
			assertThat(response.getCookies()).as(path).isEmpty();
		}
		assertThat(sessions()).isEqualTo(sessions);
	}

	@Test
	void everyDoorAnswersAMatchingIfNoneMatchWith304AndNoBody() throws Exception {
		for (String path : DOORS) {
			for (String encoding : List.of("identity", "gzip")) {
				String tag = perform(get(path).header(HttpHeaders.ACCEPT_ENCODING, encoding)).getHeader(HttpHeaders.ETAG);
				assertThat(tag).as(path).matches("\"[0-9a-f]{32}(-gzip)?\"");

				MockHttpServletResponse again = perform(
						get(path).header(HttpHeaders.ACCEPT_ENCODING, encoding).header(HttpHeaders.IF_NONE_MATCH, tag));

				assertThat(again.getStatus()).as(path).isEqualTo(304);
				assertThat(again.getContentAsByteArray()).as(path).isEmpty();
				assertThat(again.getHeader(HttpHeaders.ETAG)).as(path).isEqualTo(tag);
				assertThat(again.getHeader(HttpHeaders.CACHE_CONTROL)).as(path).isEqualTo("no-cache");
				assertThat(again.getHeader("Content-Security-Policy")).as(path).isNotNull();
			}
		}
	}

	@Test
	void theTagOfOneEncodingDoesNotValidateTheOther() throws Exception {
		String identity = perform(get("/papers/date/2025-06-02")).getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse gzipped = perform(get("/papers/date/2025-06-02").header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.header(HttpHeaders.IF_NONE_MATCH, identity));

		assertThat(gzipped.getStatus()).isEqualTo(200);
		assertThat(gzipped.getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
	}

	@Test
	void afterTheDataChangesEveryDoorAnswersTheOldTagWithTheNewAnswerAndItsNewTag() throws Exception {
		List<String> before = DOORS.stream().map(this::tag).toList();

		list("2506.00003", "A paper that came later", 40);
		this.votes.upvote("2506.00002", TestMembers.create(this.accounts).id());

		for (int i = 0; i < DOORS.size(); i++) {
			MockHttpServletResponse response = perform(get(DOORS.get(i)).header(HttpHeaders.IF_NONE_MATCH, before.get(i)));

			assertThat(response.getStatus()).as(DOORS.get(i)).isEqualTo(200);
			assertThat(response.getHeader(HttpHeaders.ETAG)).as(DOORS.get(i)).isNotEqualTo(before.get(i));
			if (!DOORS.get(i).contains("trending")) {
				assertThat(response.getContentAsString()).as(DOORS.get(i)).contains("2506.00003");
			}
		}
	}

	@Test
	void aListReloadedUnchangedKeepsItsTagAndStillAnswers304() throws Exception {
		List<String> before = DOORS.stream().map(this::tag).toList();

		// the lists are read again from the database, and found the same
		this.events.publishEvent(new CatalogChangedEvent("2506.00001"));

		for (int i = 0; i < DOORS.size(); i++) {
			MockHttpServletResponse response = perform(get(DOORS.get(i)).header(HttpHeaders.IF_NONE_MATCH, before.get(i)));

			assertThat(response.getStatus()).as(DOORS.get(i)).isEqualTo(304);
		}
	}

	@Test
	void theAnswersSentAheadOfTheChainAreCountedByPatternAndStatus() throws Exception {
		double sent = count("/papers/date/{date}", "200");
		double notModified = count("/papers/date/{date}", "304");

		String tag = tag("/papers/date/2025-06-02");
		perform(get("/papers/date/2025-06-02").header(HttpHeaders.IF_NONE_MATCH, tag));
		// through the whole chain: counted by Spring Boot's request metrics, not here
		perform(get("/papers/date/2025-06-02").cookie(unknownSession()));

		assertThat(count("/papers/date/{date}", "200")).isEqualTo(sent + 1);
		assertThat(count("/papers/date/{date}", "304")).isEqualTo(notModified + 1);
	}

	@Test
	void aWeakTagMatchesAsIfNoneMatchAsks() throws Exception {
		String tag = tag("/api/daily_papers?date=2025-06-02");

		MockHttpServletResponse response = perform(get("/api/daily_papers?date=2025-06-02").header(HttpHeaders.IF_NONE_MATCH,
				"\"other\", W/" + tag));

		assertThat(response.getStatus()).isEqualTo(304);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-tag", "\"unterminated", "W/", "\"0123456789abcdef0123456789abcdef\"",
			"\"0123\"; \"4567\"", "\u00e9t\u00e9", "*", "\"0123\", *" })
	void aMalformedOtherOrWildcardTagGetsTheWholeAnswerAsThroughTheChain(String ifNoneMatch) throws Exception {
		// Spring MVC sends the whole answer for "*" too: it is only useful before a change, never on a read
		byte[] whole = perform(get("/papers/date/2025-06-02")).getContentAsByteArray();

		MockHttpServletResponse response = perform(get("/papers/date/2025-06-02").header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch));
		MockHttpServletResponse through = perform(
				get("/papers/date/2025-06-02").header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).cookie(unknownSession()));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(whole);
		assertThat(through.getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"other\"", "*" })
	void anIfMatchOnAReadIsIgnoredAsThroughTheChain(String ifMatch) throws Exception {
		MockHttpServletResponse response = perform(get("/papers/date/2025-06-02").header(HttpHeaders.IF_MATCH, ifMatch));
		MockHttpServletResponse through = perform(
				get("/papers/date/2025-06-02").header(HttpHeaders.IF_MATCH, ifMatch).cookie(unknownSession()));

		assertThat(response.getStatus()).isEqualTo(through.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(through.getContentAsByteArray());
	}

	@Test
	void aHeadRequestGetsTheHeadersAndLengthWithoutTheBody() throws Exception {
		MockHttpServletResponse whole = perform(get("/papers/week/2025-W23"));

		MockHttpServletResponse response = perform(head("/papers/week/2025-W23"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getContentLength()).isEqualTo(whole.getContentAsByteArray().length);
		assertThat(response.getHeader(HttpHeaders.ETAG)).isEqualTo(whole.getHeader(HttpHeaders.ETAG));
	}

	@Test
	void listPagesMayBeKeptByCachesThatAskAgainButNeverOfferedToARequestWithACookie() throws Exception {
		MockHttpServletResponse page = perform(get("/papers/date/2025-06-02"));
		MockHttpServletResponse api = perform(get("/api/daily_papers?date=2025-06-02"));

		assertThat(page.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
		assertThat(page.getHeaderValues(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Cookie");
		// the API's answer is the same for members: nothing varies with the cookie
		assertThat(api.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
		assertThat(api.getHeaderValues(HttpHeaders.VARY)).containsExactly("Accept-Encoding");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/date/2025-06-02", "/papers/week/2025-W23", "/papers/month/2025-06",
			"/papers/trending" })
	void aSignedInMemberWithTheAnonymousTagGetsTheirOwnPageNeverKept(String path) throws Exception {
		Member member = TestMembers.create(this.accounts, "Quentin Votewell");
		this.votes.upvote("2506.00001", member.id());
		String anonymousTag = tag(path);

		MockHttpServletResponse response = perform(
				get(path).with(TestMembers.signedIn(member)).header(HttpHeaders.IF_NONE_MATCH, anonymousTag));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader(HttpHeaders.ETAG)).isNotEqualTo(anonymousTag);
		assertThat(response.getContentAsString()).contains("Quentin Votewell").contains("aria-pressed=\"true\"");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private").contains("no-store");
		assertThat(response.getHeaderValues(HttpHeaders.VARY)).containsExactly("Accept-Encoding, Cookie");
	}

	@Test
	void aRequestWithTheSessionCookieAmongOthersTakesTheWholeChain() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/papers/date/2025-06-02").cookie(new Cookie("theme", "dark"), unknownSession()))
			.andReturn();

		// Spring Security's CSRF filter saw it
		assertThat(result.getRequest().getAttribute(CsrfToken.class.getName())).isNotNull();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("/signin?continue=%2Fpapers%2Fdate%2F2025-06-02");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/date/2025-06-02;jsessionid=1", "/papers/date/2025-06-02?x=%3Cb%3E",
			"/papers/date/../date/2025-06-02", "/papers//date/2025-06-02" })
	void anAddressWithAnythingUnusualTakesTheWholeChain(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(java.net.URI.create(path))).andReturn();

		// Spring Security's firewall refused it (400), or its CSRF filter saw it
		assertThat(result.getResponse().getStatus() == 400
				|| result.getRequest().getAttribute(CsrfToken.class.getName()) != null).isTrue();
	}

	@Test
	void aRequestWithAnAuthorizationHeaderTakesTheWholeChain() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/papers/date/2025-06-02").header(HttpHeaders.AUTHORIZATION, "Bearer something"))
			.andReturn();

		assertThat(result.getRequest().getAttribute(CsrfToken.class.getName())).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/date/2025-13-01", "/papers/week/2025-W54", "/papers/month/2025-6",
			"/api/daily_papers?date=yesterday", "/api/daily_papers?limit=1000", "/papers/date/2025-13-01/feed.xml" })
	void aBadAddressIsAnsweredByTheWholeChainAsBefore(String path) throws Exception {
		MockHttpServletResponse response = perform(get(path));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeader("Content-Security-Policy")).isNotNull();
		assertThat(response.getHeader(HttpHeaders.ETAG)).isNull();
	}

	private void list(String id, String title, int upvotes) {
		this.catalog.savePaper(TestPapers.paper(id).withTitle(title).withUpvotes(upvotes).build(), JUNE_2);
		this.catalog.placeOnDailyList(TestPapers.entry(id, JUNE_2, this.ak.id()));
	}

	private String tag(String path) {
		try {
			return perform(get(path)).getHeader(HttpHeaders.ETAG);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private double count(String pattern, String status) {
		return this.meters.get("paperboy.shared.answers").tag("pattern", pattern).tag("status", status).counter().count();
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private static Cookie unknownSession() {
		return new Cookie("PAPERBOY_SESSION", "ZmY0NzE4NzMtYmE5Ny00NjNlLWI0ZDYtOGQ2ZGI3NjQwYjU2");
	}

}
