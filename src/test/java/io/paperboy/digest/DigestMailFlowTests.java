package io.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestPapers;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A subscriber's whole life over real SMTP (the tests' relay, {@link TestSmtp}): subscribe, confirm
 * from the mailed link, receive digests with the right papers in the right order, change preferences
 * from the link in a digest, unsubscribe, and receive nothing more. "Now" starts on Monday, June 2, 2025, 12:00 UTC.
 */
@WebTest
class DigestMailFlowTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private DigestRuns runs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationEventPublisher events;

	private DigestTestData data;

	@BeforeEach
	void freshStart() throws Exception {
		this.clock.set(MutableClock.Configuration.START);
		this.data = new DigestTestData(this.jdbc, this.catalog);
		this.data.empty(this.events);
	}

	@Test
	void aSubscriberConfirmsReceivesDigestsChangesTheirMindAndLeavesWithOneClick() throws Exception {
		this.data.list("2506.00001", "Middling paper", 20, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "Most upvoted paper", 90, "2025-06-02T10:00:00Z", "cs.CL");
		this.data.list("2506.00003", "Least upvoted paper", 3, "2025-06-02T11:00:00Z", "cs.CV");
		this.data.list("2505.09999", "Last week's paper", 500, "2025-05-28T10:00:00Z", "cs.CL");

		subscribe("ada@example.org", "198.51.100.1");
		MailParts confirmation = onlyMessageTo("ada@example.org");
		assertThat(confirmation.subject()).isEqualTo("Confirm your Paperboy digest subscription");
		assertThat(confirmation.header("List-Unsubscribe")).isNull();

		// until it is confirmed, the address gets nothing else, even from "digest run --now"
		assertThat(this.runs.run(true).sent()).isZero();
		assertThat(messagesTo("ada@example.org")).hasSize(1);

		String confirm = confirmation.linkPath("confirm");
		this.mvc.perform(get(confirm)).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("Confirm my subscription")));
		this.mvc.perform(post(confirm)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/digest/preferences/")));

		// Monday 12:00 UTC: the default weekday digest at 08:00 UTC is due
		assertThat(this.runs.run(false).sent()).isEqualTo(1);
		MailParts first = lastMessageTo("ada@example.org");
		assertThat(first.subject()).isEqualTo("Trending papers — Jun 2: Most upvoted paper");
		assertThat(first.message().getContentType()).startsWith("multipart/alternative");
		assertThat(first.header("List-Unsubscribe")).startsWith("<https://papers.example.org/digest/unsubscribe/");
		assertThat(order(first.text(), "Most upvoted paper", "Middling paper", "Least upvoted paper")).isTrue();
		assertThat(first.text()).doesNotContain("Last week's paper").contains("trending: +90 votes today");
		assertThat(first.html()).contains("https://papers.example.org/papers/2506.00002");

		// a rerun in the same period sends nothing
		assertThat(this.runs.run(false).sent()).isZero();
		assertThat(this.runs.run(true).sent()).isZero();

		// every day, cs.CL only, from the preferences link in the digest
		String preferences = first.linkPath("preferences");
		this.mvc.perform(post(preferences).param("cadence", "daily")
			.param("weekday", "MONDAY")
			.param("hour", "7")
			.param("zone", "UTC")
			.param("papers", "5")
			.param("categories", "cs.CL")
			.param("keywords", "")
			.param("minUpvotes", "0")).andExpect(status().is3xxRedirection());

		this.data.list("2506.00011", "A vision paper", 300, "2025-06-03T01:00:00Z", "cs.CV");
		this.data.list("2506.00012", "A language paper", 40, "2025-06-03T02:00:00Z", "cs.CL");
		this.data.list("2506.00013", "Another language paper", 60, "2025-06-03T03:00:00Z", "cs.CL", "cs.AI");
		this.clock.set(Instant.parse("2025-06-03T07:15:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);
		MailParts second = lastMessageTo("ada@example.org");
		assertThat(order(second.text(), "Another language paper", "A language paper")).isTrue();
		assertThat(second.text()).doesNotContain("A vision paper").doesNotContain("Most upvoted paper")
			.contains("matches: cs.CL");

		// one click, as a mail program does it (RFC 8058): no cookie, no CSRF token, no page
		String unsubscribe = second.linkPath("unsubscribe");
		this.mvc.perform(post(unsubscribe).contentType("application/x-www-form-urlencoded")
			.content("List-Unsubscribe=One-Click")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("unsubscribed")));

		this.data.list("2506.00021", "Wednesday's language paper", 80, "2025-06-04T02:00:00Z", "cs.CL");
		this.clock.set(Instant.parse("2025-06-04T09:00:00Z"));
		assertThat(this.runs.run(false).sent()).isZero();
		assertThat(this.runs.run(true).sent()).isZero();
		assertThat(messagesTo("ada@example.org")).hasSize(3);
	}

	@Test
	void theFormAnswersInTheSameWordsForANewAPendingAndASubscribedAddress() throws Exception {
		String fresh = subscribe("new@example.org", "198.51.100.2");
		String pending = subscribe("new@example.org", "198.51.100.2");
		String confirmLink = lastMessageTo("new@example.org").linkPath("confirm");
		this.mvc.perform(post(confirmLink)).andExpect(status().is3xxRedirection());
		String subscribed = subscribe("new@example.org", "198.51.100.2");

		assertThat(pending).isEqualTo(fresh);
		assertThat(subscribed).isEqualTo(fresh);
		List<MailParts> received = messagesTo("new@example.org");
		assertThat(received).extracting(MailParts::subject)
			.containsExactly("Confirm your Paperboy digest subscription", "Confirm your Paperboy digest subscription",
					"Your Paperboy digest subscription");
		assertThat(received.get(2).text()).contains("/digest/preferences/");
	}

	@Test
	void tooManyRequestsForOneAddressAreRefusedWithoutMailingIt() throws Exception {
		for (int i = 0; i < 3; i++) {
			subscribe("target@example.org", "198.51.100." + (10 + i));
		}
		this.mvc.perform(post("/subscribe").param("email", "target@example.org").with(from("198.51.100.20")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		assertThat(messagesTo("target@example.org")).hasSize(3);
	}

	@Test
	void tooManyRequestsFromOneClientAreRefused() throws Exception {
		for (int i = 0; i < 10; i++) {
			subscribe("reader" + i + "@example.org", "198.51.100.30");
		}
		this.mvc.perform(post("/subscribe").param("email", "one-more@example.org").with(from("198.51.100.30")))
			.andExpect(status().isTooManyRequests());
		assertThat(messagesTo("one-more@example.org")).isEmpty();
	}

	@Test
	void anInternationalisedDomainIsOneAddressAndTheRelaySeesItsAsciiForm() throws Exception {
		subscribe("ada@exämple.org", "198.51.100.41");
		subscribe("ada@xn--exmple-cua.org", "198.51.100.41");

		assertThat(this.jdbc.sql("select email from digest_subscriptions").query(String.class).list())
			.containsExactly("ada@xn--exmple-cua.org");
		// the relay is given the address in RCPT TO
		assertThat(messagesTo("ada@xn--exmple-cua.org")).hasSize(2);
		assertThat(TestSmtp.messages()).hasSize(2);
	}

	@Test
	void anAddressWithLettersOutsideAsciiBeforeTheAtIsRefusedInWords() throws Exception {
		this.mvc.perform(post("/subscribe").param("email", "adä@example.org").with(from("198.51.100.42")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SMTPUTF8")));
		assertThat(TestSmtp.messages()).isEmpty();
	}

	@Test
	void somethingThatIsNotAnAddressIsAClearErrorAndMailsNobody() throws Exception {
		this.mvc.perform(post("/subscribe").param("email", "not an address").with(from("198.51.100.40")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("does not look like an email address")));
		assertThat(TestSmtp.messages()).isEmpty();
	}

	@Test
	void hostileTitlesCannotAddHeadersOrMarkupToADigest() throws Exception {
		String hostile = "Innocent title\r\nBcc: victim@example.org\r\n<script>alert(1)</script> "
				+ "x".repeat(300);
		this.data.list(TestPapers.paper("2506.00031").withTitle(hostile).withUpvotes(50).withAuthors("<b>Mallory</b>"),
				"2025-06-02T10:00:00Z");
		confirmedSubscriber("eve@example.org", "198.51.100.50");

		assertThat(this.runs.run(true).sent()).isEqualTo(1);

		MailParts digest = lastMessageTo("eve@example.org");
		assertThat(digest.header("Bcc")).isNull();
		assertThat(TestSmtp.messagesTo("victim@example.org")).isEmpty();
		assertThat(digest.subject()).startsWith("Trending papers — Jun 2: Innocent title Bcc: victim@example.org")
			.doesNotContain("\r").doesNotContain("\n");
		assertThat(digest.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("<b>Mallory")
			.contains("&lt;b&gt;Mallory");
		assertThat(Arrays.stream(digest.text().split("\r?\n"))).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(78));
	}

	@Test
	void aLinkForOneSubscriberOrPurposeOpensNothingElse() throws Exception {
		confirmedSubscriber("first@example.org", "198.51.100.60");
		confirmedSubscriber("second@example.org", "198.51.100.61");
		this.data.list("2506.00041", "A paper", 10, "2025-06-02T10:00:00Z", "cs.LG");
		this.runs.run(true);
		MailParts first = lastMessageTo("first@example.org");
		MailParts second = lastMessageTo("second@example.org");
		String firstPreferences = first.linkPath("preferences");
		String secondPreferences = second.linkPath("preferences");
		String firstToken = firstPreferences.substring(firstPreferences.lastIndexOf('/') + 1);
		String secondToken = secondPreferences.substring(secondPreferences.lastIndexOf('/') + 1);
		String secondId = secondToken.substring(0, secondToken.indexOf('.'));
		String firstSignature = firstToken.substring(firstToken.indexOf('.') + 1);

		// the first subscriber's signature with the second's id
		this.mvc.perform(get("/digest/preferences/" + secondId + "." + firstSignature)).andExpect(status().isNotFound());
		// a preferences link used to unsubscribe
		this.mvc.perform(post("/digest/unsubscribe/" + firstToken)).andExpect(status().isNotFound());
		// a tampered signature
		String tampered = firstToken.substring(0, firstToken.length() - 1)
				+ (firstToken.endsWith("A") ? "B" : "A");
		this.mvc.perform(get("/digest/preferences/" + tampered)).andExpect(status().isNotFound());
		this.mvc.perform(get("/digest/preferences/nonsense")).andExpect(status().isNotFound());
		// the genuine ones work
		this.mvc.perform(get(firstPreferences)).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"));
		this.mvc.perform(get(secondPreferences)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from digest_subscriptions where status = 'confirmed'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void badPreferencesAreAClearErrorShowingWhatWasTypedAndChangeNothing() throws Exception {
		confirmedSubscriber("bob@example.org", "198.51.100.70");
		String preferences = lastMessageTo("bob@example.org").linkPath("preferences");

		this.mvc.perform(post(preferences).param("cadence", "weekly")
			.param("weekday", "FRIDAY")
			.param("hour", "9")
			.param("zone", "Mars/Olympus_Mons")
			.param("papers", "20")
			.param("categories", "cs.LG, stat.ML")
			.param("keywords", "diffusion models")
			.param("minUpvotes", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is not a time zone")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("diffusion models")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("cs.LG, stat.ML")));
		this.mvc.perform(post(preferences).param("cadence", "daily").param("weekday", "MONDAY").param("hour", "8")
			.param("zone", "UTC").param("papers", "51").param("minUpvotes", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("from 5 to 50")));

		assertThat(this.jdbc.sql("select cadence || ' ' || paper_count || ' ' || time_zone from digest_subscriptions")
			.query(String.class)
			.single()).isEqualTo("weekdays 10 UTC");
	}

	@Test
	void anUnsubscribedAddressCanComeBackFromThePageThatFollows() throws Exception {
		confirmedSubscriber("carol@example.org", "198.51.100.80");
		// the unsubscribe link is signed for its own purpose: the preferences page has it
		String page = this.mvc.perform(get(lastMessageTo("carol@example.org").linkPath("preferences")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/digest/unsubscribe/[^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		String unsubscribe = link.group(1);

		this.mvc.perform(get(unsubscribe)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("gets no more digests")));
		assertThat(statusOf("carol@example.org")).isEqualTo("confirmed");
		this.mvc.perform(post(unsubscribe)).andExpect(status().isOk());
		assertThat(statusOf("carol@example.org")).isEqualTo("unsubscribed");
		String resubscribe = unsubscribe.replace("/digest/unsubscribe/", "/digest/resubscribe/");
		this.mvc.perform(get(resubscribe)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Resubscribe")));
		this.mvc.perform(post(resubscribe)).andExpect(status().is3xxRedirection());
		assertThat(statusOf("carol@example.org")).isEqualTo("confirmed");
	}

	@Test
	void everyPageCarriesTheSubscribeFormWithoutASessionToken() throws Exception {
		String page = this.mvc.perform(get("/papers")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("action=\"/subscribe\"").doesNotContain("name=\"_csrf\"");
	}

	@Test
	void unconfirmedSubscriptionsAreDroppedAfterSevenDays(@Autowired Subscriptions subscriptions) throws Exception {
		subscribe("late@example.org", "198.51.100.90");
		this.clock.advance(Duration.ofDays(6));
		assertThat(subscriptions.dropUnconfirmed()).isZero();
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(subscriptions.dropUnconfirmed()).isEqualTo(1);
		assertThat(subscriptions.byEmail("late@example.org")).isEmpty();
	}

	private String statusOf(String email) {
		return this.jdbc.sql("select status from digest_subscriptions where email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	/** Subscribes and confirms; the confirmation leads to the preferences page. */
	private void confirmedSubscriber(String email, String client) throws Exception {
		subscribe(email, client);
		this.mvc.perform(post(lastMessageTo(email).linkPath("confirm"))).andExpect(status().is3xxRedirection());
		// a note with the preferences link, for tests that need it
		subscribe(email, client);
	}

	private String subscribe(String email, String client) throws Exception {
		return this.mvc.perform(post("/subscribe").param("email", email).with(from(client)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Check your inbox")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<MailParts> messagesTo(String email) {
		return TestSmtp.messagesTo(email).stream().map(MailParts::of).toList();
	}

	private static MailParts onlyMessageTo(String email) {
		List<MailParts> messages = messagesTo(email);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static MailParts lastMessageTo(String email) {
		List<MimeMessage> messages = TestSmtp.messagesTo(email);
		assertThat(messages).isNotEmpty();
		return MailParts.of(messages.get(messages.size() - 1));
	}

	private static boolean order(String text, String... titles) {
		int at = -1;
		for (String title : titles) {
			int next = text.indexOf(title);
			if (next <= at) {
				return false;
			}
			at = next;
		}
		return true;
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
