package io.paperboy.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.paperboy.mail.DevMailbox;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a mailed link, as a browser does it, against a running server. The server counts
 * links per client afresh for each test ({@link ServerTest}), and {@code boss@example.org} is an
 * administrator's address.
 */
@ServerTest
@ExtendWith(EmptyCatalog.class)
class SignInTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DevMailbox mailbox;

	@Autowired
	private Accounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	private WebSession browser;

	@BeforeEach
	void newVisitor() {
		this.clock.set(MutableClock.Configuration.START);
		this.browser = new WebSession(this.port);
	}

	@Test
	void aNewMemberSignsInWithTheMailedLinkChoosesAUsernameAndComesBack() throws Exception {
		HttpResponse<String> asked = this.browser.askForLink("  Ada@Example.org ", "/papers/trending");
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(asked)).hasValueSatisfying((to) -> assertThat(to).startsWith("/signin/sent"));
		assertThat(this.mailbox.to("ada@example.org")).singleElement()
			.satisfies((mail) -> assertThat(mail.subject()).isEqualTo("Your Paperboy sign-in link"));
		assertThat(this.accounts.findByEmail("ada@example.org")).as("asking for a link makes no account").isEmpty();

		HttpResponse<String> signedIn = this.browser.follow(WebSession.newestLink(this.mailbox, "ada@example.org"));
		assertThat(signedIn.statusCode()).isEqualTo(303);
		assertThat(WebSession.location(signedIn)).hasValue("/welcome?continue=%2Fpapers%2Ftrending");

		HttpResponse<String> chosen = this.browser.submit("/welcome", "/welcome",
				Map.of("username", "ada", "displayName", "Ada Lovelace", "continue", "/papers/trending"));
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(chosen)).hasValue("/papers/trending");
		assertThat(this.browser.get("/papers/trending").body()).contains("Ada Lovelace").contains("Sign out")
			.doesNotContain(">Sign in<");
		Member member = this.accounts.findByEmail("ada@example.org").orElseThrow();
		assertThat(member.username()).isEqualTo("ada");
		assertThat(member.needsProfile()).isFalse();
	}

	@Test
	void theSignInPagesSayTheSameForKnownAndUnknownAddresses() throws Exception {
		Member known = this.accounts.loadUserByUsername("known@example.org");
		this.accounts.chooseProfile(known.id(), "known", "Known");

		HttpResponse<String> forKnown = this.browser.askForLink("known@example.org", "/papers");
		HttpResponse<String> forUnknown = new WebSession(this.port).askForLink("stranger@example.org", "/papers");

		assertThat(forKnown.statusCode()).isEqualTo(forUnknown.statusCode());
		assertThat(WebSession.location(forKnown)).isEqualTo(WebSession.location(forUnknown));
		String location = WebSession.location(forKnown).orElseThrow();
		assertThat(this.browser.get(location).body()).isEqualTo(new WebSession(this.port).get(location).body());
	}

	@Test
	void aLinkWorksOnlyOnce() throws Exception {
		this.browser.askForLink("once@example.org", "/papers");
		String link = WebSession.newestLink(this.mailbox, "once@example.org");
		assertThat(WebSession.location(this.browser.follow(link))).hasValueSatisfying(
				(to) -> assertThat(to).startsWith("/welcome"));

		WebSession other = new WebSession(this.port);
		String page = other.get(link).body();
		assertThat(page).as("the used link's page says so before any button")
			.contains("This sign-in link was already used, or has expired.")
			.contains("action=\"/signin/link\"")
			.doesNotContain("name=\"token\"");
		String token = java.net.URLDecoder.decode(link.replaceAll(".*[?&]token=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> again = other.post("/signin/token",
				Map.of("_csrf", WebSession.csrfOf(page), "token", token, "continue", "/papers"));

		assertThat(WebSession.location(again)).hasValue("/signin?expired");
		assertThat(new WebSession(this.port).get("/signin?expired").body()).contains("expired or was already used");
	}

	@Test
	void aLinkExpiresAfterFifteenMinutes() throws Exception {
		this.browser.askForLink("late@example.org", "/papers");
		String link = WebSession.newestLink(this.mailbox, "late@example.org");
		String fresh = this.browser.get(link).body();
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		assertThat(this.browser.get(link).body()).contains("This sign-in link has expired").doesNotContain("name=\"token\"");
		// a page opened in time and sent late
		String token = java.net.URLDecoder.decode(link.replaceAll(".*[?&]token=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
		HttpResponse<String> late = this.browser.post("/signin/token",
				Map.of("_csrf", WebSession.csrfOf(fresh), "token", token, "continue", "/papers"));
		assertThat(WebSession.location(late)).hasValue("/signin?expired");
		assertThat(this.accounts.findByEmail("late@example.org")).isEmpty();
	}

	@Test
	void theSessionIdChangesAtSignIn() throws Exception {
		this.browser.askForLink("fixation@example.org", "/papers");
		String before = this.browser.sessionId();
		assertThat(before).isNotNull();

		this.browser.follow(WebSession.newestLink(this.mailbox, "fixation@example.org"));

		assertThat(this.browser.sessionId()).isNotNull().isNotEqualTo(before);
	}

	@Test
	void sessionsAreKeptInTheDatabase() throws Exception {
		this.browser.signIn(this.mailbox, "kept@example.org", "kept");

		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'kept@example.org'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSixthLinkForOneAddressWithinAnHourIsRefused() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(this.browser.askForLink("busy@example.org", "/papers").statusCode()).isEqualTo(302);
		}

		HttpResponse<String> sixth = this.browser.askForLink("busy@example.org", "/papers");

		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
		assertThat(sixth.body()).contains("Too many sign-in links were sent to this address");
		assertThat(this.mailbox.to("busy@example.org")).hasSize(5);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.browser.askForLink("busy@example.org", "/papers").statusCode()).isEqualTo(302);
	}

	@Test
	void aMalformedAddressIsRefusedWithWhatWasTypedKept() throws Exception {
		HttpResponse<String> refused = this.browser.askForLink("not-an-address\"><script>", "/papers");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("does not look like an email address")
			.contains("value=\"not-an-address&#34;>&lt;script>\"")
			.doesNotContain("<script>");
	}

	@Test
	void anInternationalisedDomainSignsInAsItsAsciiFormAndANonAsciiLocalPartIsRefusedInWords() throws Exception {
		assertThat(this.browser.askForLink("Ida@Exämple.org", "/papers").statusCode()).isEqualTo(302);
		assertThat(this.mailbox.to("ida@xn--exmple-cua.org")).hasSize(1);

		HttpResponse<String> refused = this.browser.askForLink("idä@example.org", "/papers");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("outside ASCII before the @").contains("SMTPUTF8");
	}

	@Test
	void comingBackNeverLeavesTheSite() throws Exception {
		Member member = this.accounts.loadUserByUsername("elsewhere@example.org");
		this.accounts.chooseProfile(member.id(), "elsewhere", "Elsewhere");

		for (String target : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
			WebSession visitor = new WebSession(this.port);
			visitor.askForLink("elsewhere@example.org", target);
			this.clock.advance(Duration.ofSeconds(1));
			HttpResponse<String> signedIn = visitor.follow(WebSession.newestLink(this.mailbox, "elsewhere@example.org"));
			assertThat(WebSession.location(signedIn)).as(target).hasValue("/papers");
		}
	}

	@Test
	void aTakenOrMalformedUsernameIsRefusedWithTheFormKept() throws Exception {
		Member taken = this.accounts.loadUserByUsername("first@example.org");
		this.accounts.chooseProfile(taken.id(), "grace", "Grace");
		this.browser.askForLink("second@example.org", "/papers");
		this.browser.follow(WebSession.newestLink(this.mailbox, "second@example.org"));

		HttpResponse<String> clash = this.browser.submit("/welcome", "/welcome",
				Map.of("username", "Grace", "displayName", "Another Grace", "continue", "/papers"));
		HttpResponse<String> malformed = this.browser.submit("/welcome", "/welcome",
				Map.of("username", "-x <b>", "displayName", "Another Grace", "continue", "/papers"));

		assertThat(clash.statusCode()).isEqualTo(400);
		assertThat(clash.body()).contains("is taken").contains("value=\"Another Grace\"");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("2 to 39 letters").contains("value=\"-x &lt;b>\"");
	}

	@Test
	void anAddressListedAsAdministratorOpensTheOperatorsPagesOthersDoNot() throws Exception {
		WebSession member = new WebSession(this.port);
		member.signIn(this.mailbox, "someone@example.org", "someone");
		this.browser.signIn(this.mailbox, "boss@example.org", "boss");

		assertThat(member.get("/admin/mail").statusCode()).isEqualTo(404);
		assertThat(this.browser.get("/admin/mail").statusCode()).isEqualTo(200);
		assertThat(this.browser.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		assertThat(member.get("/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(this.accounts.findByEmail("boss@example.org").orElseThrow().isAdmin()).isTrue();
	}

	@Test
	void signingOutEndsTheSessionAndNeedsTheFormsToken() throws Exception {
		this.browser.signIn(this.mailbox, "leaving@example.org", "leaving");

		assertThat(this.browser.post("/signout", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(this.browser.get("/papers").body()).contains("Sign out");
		assertThat(this.browser.submit("/papers", "/signout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.browser.get("/papers").body()).contains(">Sign in<").doesNotContain("Sign out");
		assertThat(this.browser.get("/welcome").statusCode()).as("members only").isEqualTo(302);
	}

}
