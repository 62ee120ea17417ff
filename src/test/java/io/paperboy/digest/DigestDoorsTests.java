package io.paperboy.digest;

import io.paperboy.support.Operators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The other doors to digests: the operators' page, the API for signed-in members, and the
 * command-line verbs. Mail goes to the tests' relay ({@link TestSmtp}).
 */
@WebTest
class DigestDoorsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Autowired
	private Accounts accounts;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private SignedLinks links;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationEventPublisher events;

	private DigestTestData data;

	@BeforeEach
	void papersAndASubscriber() {
		this.clock.set(MutableClock.Configuration.START);
		this.data = new DigestTestData(this.jdbc, this.catalog);
		this.data.empty(this.events);
		this.data.list("2506.00001", "The top paper", 90, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "The second paper", 20, "2025-06-02T10:00:00Z", "cs.CL");
		long id = this.subscriptions.insertPending("reader@example.org", Preferences.defaults(), null, this.clock.instant())
			.orElseThrow();
		this.subscriptions.confirm(id, this.clock.instant());
		this.subscriptions.insertPending("waiting@example.org", Preferences.defaults(), null, this.clock.instant());
	}

	@Test
	void theOperatorsPageCountsSubscribersAndPreviewsAnyonesDigest() throws Exception {
		this.mvc.perform(get("/admin/digests").with(local()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>confirmed</dt><dd>1</dd>")))
			.andExpect(content().string(containsString("<dt>pending</dt><dd>1</dd>")));
		this.mvc.perform(get("/admin/digests").param("email", "reader@example.org").with(local()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Trending papers — Jun 2: The top paper")))
			.andExpect(content().string(containsString("1. The top paper")));
		this.mvc.perform(get("/admin/digests/preview.html").param("email", "reader@example.org").with(local()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(content().string(containsString("The second paper")));
		this.mvc.perform(get("/admin/digests").param("email", "nobody@example.org").with(local()))
			.andExpect(content().string(containsString("No subscription for nobody@example.org")));
		// a preview sends nothing and records nothing
		assertThat(mailTo("reader@example.org")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from digest_deliveries").query(Long.class).single()).isZero();
	}

	@Test
	void theOperatorsPageDoesNotExistForOthers() throws Exception {
		this.mvc.perform(get("/admin/digests").with(remote())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/digests/preview.html").param("email", "reader@example.org").with(remote()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdminIsSentATestDigestThatLeavesTheirRealOneDue() throws Exception {
		Member admin = this.accounts.grant("admin@example.org", Role.ADMIN);
		this.mvc.perform(post("/admin/digests/test").with(as(admin)).with(csrf()).with(remote()))
			.andExpect(status().is3xxRedirection());
		assertThat(mailTo("admin@example.org")).singleElement()
			.satisfies((mail) -> assertThat(mail.subject()).isEqualTo("Trending papers — Jun 2: The top paper"));
		assertThat(this.jdbc.sql("select count(*) from digest_deliveries").query(Long.class).single()).isZero();
	}

	@Test
	void aMemberReadsAndSetsTheirSubscriptionThroughTheApi() throws Exception {
		Member member = this.accounts.loadUserByUsername("member@example.org");
		this.mvc.perform(get("/api/subscription").with(as(member))).andExpect(status().isNotFound());

		this.mvc.perform(put("/api/subscription").with(as(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"cadence": "weekly", "weekday": "FRIDAY", "hour": 7, "timeZone": "Europe/Paris",
					 "papers": 15, "categories": ["cs.LG"], "keywords": ["world models"], "minUpvotes": 2,
					 "personalOrdering": true}
					"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("confirmed"))
			.andExpect(jsonPath("$.email").value("member@example.org"));

		this.mvc.perform(get("/api/subscription").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cadence").value("weekly"))
			.andExpect(jsonPath("$.weekday").value("FRIDAY"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
			.andExpect(jsonPath("$.papers").value(15))
			.andExpect(jsonPath("$.keywords[0]").value("world models"))
			.andExpect(jsonPath("$.personalOrdering").value(true));

		this.mvc.perform(put("/api/subscription").with(as(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subscribed\": false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("unsubscribed"))
			.andExpect(jsonPath("$.cadence").value("weekly"));
	}

	@Test
	void aMemberChoosesTheForYouOrderThroughTheApiAndOldClientsKeepWorking() throws Exception {
		Member member = this.accounts.loadUserByUsername("ordering@example.org");
		putSubscription(member, "{\"ordering\": \"for-you\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.ordering").value("for-you"))
			.andExpect(jsonPath("$.personalOrdering").value(true));
		assertThat(this.subscriptions.findByEmail("ordering@example.org").orElseThrow().preferences().ordering())
			.isEqualTo(Ordering.FOR_YOU);

		// a client written before "ordering" sends back what it read: the order stays
		putSubscription(member, "{\"personalOrdering\": true, \"papers\": 12}").andExpect(status().isOk())
			.andExpect(jsonPath("$.ordering").value("for-you"))
			.andExpect(jsonPath("$.papers").value(12));
		putSubscription(member, "{\"personalOrdering\": false}").andExpect(status().isOk())
			.andExpect(jsonPath("$.ordering").value("trending"))
			.andExpect(jsonPath("$.personalOrdering").value(false));
		putSubscription(member, "{\"personalOrdering\": true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.ordering").value("upvoted"));

		putSubscription(member, "{\"ordering\": \"random\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("trending, upvoted or for-you")));
		putSubscription(member, "{\"ordering\": \"trending\", \"personalOrdering\": true}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("disagree")));
		assertThat(this.subscriptions.findByEmail("ordering@example.org").orElseThrow().preferences().ordering())
			.as("a refused PUT changes nothing")
			.isEqualTo(Ordering.UPVOTED);

		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.ApiSubscription.properties.ordering.enum[2]").value("for-you"))
			.andExpect(jsonPath("$.components.schemas.ApiSubscription.properties.personalOrdering.deprecated").value(true));
	}

	@Test
	void aSubscriberWithoutAnAccountIsNotOfferedForYouAndIsRefusedIt() throws Exception {
		long id = this.subscriptions.insertPending("visitor@example.org", Preferences.defaults(), null, this.clock.instant())
			.orElseThrow();
		this.subscriptions.confirm(id, this.clock.instant());
		Subscription visitor = this.subscriptions.find(id).orElseThrow();
		String link = this.links.path(visitor, LinkPurpose.PREFERENCES);
		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"upvoted\"")))
			.andExpect(content().string(not(containsString("value=\"for-you\""))));

		this.mvc.perform(post(link).param("cadence", "daily").param("weekday", "MONDAY").param("hour", "6")
			.param("zone", "UTC").param("papers", "12").param("categories", "cs.RO").param("minUpvotes", "0")
			.param("ordering", "for-you"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("sign up or sign in with visitor@example.org")))
			.andExpect(content().string(containsString("value=\"cs.RO\"")));
		Preferences kept = this.subscriptions.findByEmail("visitor@example.org").orElseThrow().preferences();
		assertThat(kept.ordering()).isEqualTo(Ordering.TRENDING);
		assertThat(kept.papers()).as("nothing is saved").isEqualTo(Preferences.DEFAULT_PAPERS);

		// the same address with an account: the choice is there and is kept
		this.accounts.loadUserByUsername("visitor@example.org");
		this.mvc.perform(get(link)).andExpect(content().string(containsString("value=\"for-you\"")));
		this.mvc.perform(post(link).param("cadence", "daily").param("weekday", "MONDAY").param("hour", "6")
			.param("zone", "UTC").param("papers", "12").param("minUpvotes", "0").param("ordering", "for-you"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.subscriptions.findByEmail("visitor@example.org").orElseThrow().preferences().ordering())
			.isEqualTo(Ordering.FOR_YOU);
	}

	@Test
	void theApiRefusesStrangersBadPreferencesAndRequestsWithoutAToken() throws Exception {
		Member member = this.accounts.loadUserByUsername("member2@example.org");
		this.mvc.perform(get("/api/subscription")).andExpect(status().isUnauthorized());
		this.mvc.perform(put("/api/subscription").with(as(member)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(put("/api/subscription").with(as(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"papers\": 500}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("from 5 to 50")));
		this.mvc.perform(put("/api/subscription").with(as(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json"))
			.andExpect(status().isBadRequest());
		assertThat(this.subscriptions.findByEmail("member2@example.org")).isEmpty();
	}

	@Test
	void aMemberTurnsTheirDigestOnAndOffInTheirSettings() throws Exception {
		Member member = this.accounts.loadUserByUsername("settings@example.org");
		this.mvc.perform(get("/settings/digest")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/settings/digest").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Send me the digest at settings@example.org")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("<input type=\"radio\" name=\"ordering\" value=\"for-you\"> For you")))
			.andExpect(content().string(containsString("<input type=\"radio\" name=\"ordering\" value=\"trending\" checked> Trending")));

		this.mvc.perform(post("/settings/digest").with(as(member)).with(csrf())
			.param("subscribed", "true").param("cadence", "daily").param("weekday", "MONDAY").param("hour", "6")
			.param("zone", "Asia/Tokyo").param("papers", "12").param("categories", "cs.RO").param("keywords", "")
			.param("minUpvotes", "0").param("personal", "true"))
			.andExpect(status().is3xxRedirection());
		Subscription subscription = this.subscriptions.findByEmail("settings@example.org").orElseThrow();
		assertThat(subscription.status()).isEqualTo(Status.CONFIRMED);
		assertThat(subscription.userId()).isEqualTo(member.id());
		assertThat(subscription.preferences().zone().getId()).isEqualTo("Asia/Tokyo");
		assertThat(subscription.preferences().ordering()).as("the box of the form before the choice of order")
			.isEqualTo(Ordering.UPVOTED);
		this.mvc.perform(post("/settings/digest").with(as(member)).with(csrf())
			.param("subscribed", "true").param("cadence", "daily").param("weekday", "MONDAY").param("hour", "6")
			.param("zone", "Asia/Tokyo").param("papers", "12").param("minUpvotes", "0").param("ordering", "for-you"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.subscriptions.findByEmail("settings@example.org").orElseThrow().preferences().ordering())
			.isEqualTo(Ordering.FOR_YOU);
		this.mvc.perform(get("/settings/digest").with(as(member))).andExpect(content().string(
				containsString("<input type=\"radio\" name=\"ordering\" value=\"for-you\" checked> For you")));

		this.mvc.perform(post("/settings/digest").with(as(member)).with(csrf()).param("cadence", "daily")
			.param("weekday", "MONDAY").param("hour", "99").param("zone", "UTC").param("papers", "12")
			.param("minUpvotes", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The hour must be from 0 to 23")));
		this.mvc.perform(post("/settings/digest").with(as(member)).with(csrf()).param("cadence", "daily")
			.param("weekday", "MONDAY").param("hour", "6").param("zone", "UTC").param("papers", "12")
			.param("minUpvotes", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.subscriptions.findByEmail("settings@example.org").orElseThrow().status())
			.isEqualTo(Status.UNSUBSCRIBED);
		// without the token, nothing changes
		this.mvc.perform(post("/settings/digest").with(as(member)).param("subscribed", "true").param("cadence", "daily")
			.param("weekday", "MONDAY").param("hour", "6").param("zone", "UTC").param("papers", "12")
			.param("minUpvotes", "0"))
			.andExpect(status().isForbidden());
		assertThat(this.subscriptions.findByEmail("settings@example.org").orElseThrow().status())
			.isEqualTo(Status.UNSUBSCRIBED);
	}

	@Test
	void theVerbsPreviewADigestAndSendThoseDue() {
		Run preview = run("digest", "preview", "reader@example.org");
		assertThat(preview.code()).isZero();
		assertThat(preview.out()).startsWith("Subject: Trending papers — Jun 2: The top paper")
			.contains("1. The top paper")
			.contains("2. The second paper")
			.contains("https://papers.example.org/papers/2506.00001")
			.contains("https://papers.example.org/digest/unsubscribe/")
			.doesNotContain("localhost");
		assertThat(preview.err()).as("the links are the site's: nothing to warn about").isEmpty();
		assertThat(mailTo("reader@example.org")).isEmpty();

		Run unknown = run("digest", "preview", "nobody@example.org");
		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.err()).contains("No subscription for nobody@example.org");

		Run due = run("digest", "run");
		assertThat(due.code()).isZero();
		assertThat(due.out()).contains("1 due, 1 sent, 1 composed, 0 deferred, 0 failed");
		Run again = run("digest", "run", "--now");
		assertThat(again.out()).contains("1 due, 0 sent").contains("1 already sent this period");
		assertThat(mailTo("reader@example.org")).hasSize(1);
		assertThat(mailTo("waiting@example.org")).isEmpty();

		assertThat(run("digest", "send").code()).isEqualTo(2);
	}

	@Test
	void aPreviewWithLinksToThisMachineSaysSettingsAreMissing() {
		assertThat(DigestVerb.localLinks("http://localhost:8080")).hasValueSatisfying((note) -> assertThat(note)
			.contains("the links start with http://localhost:8080").contains("PAPERBOY_BASE_URL").contains("docs/operations.md"));
		assertThat(DigestVerb.localLinks("http://127.0.0.1:9000")).isPresent();
		assertThat(DigestVerb.localLinks("https://papers.example.org")).isEmpty();
	}

	private Run run(String... words) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.verbs.run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int code, String out, String err) {
	}

	private org.springframework.test.web.servlet.ResultActions putSubscription(Member member, String json) throws Exception {
		return this.mvc.perform(put("/api/subscription").with(as(member)).with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private static RequestPostProcessor as(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

	private static RequestPostProcessor local() {
		return (request) -> {
			request.setRemoteAddr("127.0.0.1");
			return Operators.operator().postProcessRequest(request);
		};
	}

	private static RequestPostProcessor remote() {
		return (request) -> {
			request.setRemoteAddr("203.0.113.9");
			return request;
		};
	}

	private static List<MailParts> mailTo(String address) {
		return TestSmtp.messagesTo(address).stream().map(MailParts::of).toList();
	}

}
