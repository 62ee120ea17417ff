package io.paperboy.digest;

import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A signed-in member subscribes from the footer in one step at the address they sign in with (signing
 * in proved it); any other address, and anyone not signed in, still confirms from a mailed link.
 */
@WebTest
class MemberSubscribesTests {

	private static final AtomicInteger COUNT = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private Accounts accounts;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Catalog catalog;

	@Autowired
	private ApplicationEventPublisher events;

	@BeforeEach
	void noSubscriptions() {
		this.clock.set(MutableClock.Configuration.START);
		new DigestTestData(this.jdbc, this.catalog).empty(this.events);
	}

	@Test
	void aMemberSubscribingTheirOwnAddressIsSubscribedAtOnceWithoutMail() throws Exception {
		Member member = TestMembers.create(this.accounts, "Footer Reader");

		this.mvc.perform(post("/subscribe").with(TestMembers.signedIn(member)).param("email", " " + member.email().toUpperCase() + " "))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("You are subscribed."),
					containsString("<a href=\"/settings/digest\">digest settings</a>"), not(containsString("Check your inbox")))));

		Subscription subscription = this.subscriptions.findByEmail(member.email()).orElseThrow();
		assertThat(subscription.status()).isEqualTo(Status.CONFIRMED);
		assertThat(subscription.userId()).isEqualTo(member.id());
		assertThat(TestSmtp.messagesTo(member.email())).isEmpty();
	}

	@Test
	void aMemberWhoLeftIsSubscribedAgainAtOnce() throws Exception {
		Member member = TestMembers.create(this.accounts, "Returning Reader");
		long id = this.subscriptions.insertPending(member.email(), Preferences.defaults(), null, this.clock.instant()).orElseThrow();
		this.subscriptions.confirm(id, this.clock.instant());
		this.subscriptions.unsubscribe(id, this.clock.instant());

		this.mvc.perform(post("/subscribe").with(TestMembers.signedIn(member)).param("email", member.email()))
			.andExpect(content().string(containsString("You are subscribed.")));

		Subscription subscription = this.subscriptions.find(id).orElseThrow();
		assertThat(subscription.status()).isEqualTo(Status.CONFIRMED);
		assertThat(subscription.userId()).isEqualTo(member.id());
		assertThat(TestSmtp.messagesTo(member.email())).isEmpty();
	}

	@Test
	void aMemberSubscribingAnotherAddressStillConfirmsByMail() throws Exception {
		Member member = TestMembers.create(this.accounts, "Generous Reader");
		String other = "friend" + COUNT.incrementAndGet() + "@example.org";

		this.mvc.perform(post("/subscribe").with(TestMembers.signedIn(member)).param("email", other))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check your inbox."), not(containsString("You are subscribed.")))));

		Subscription subscription = this.subscriptions.findByEmail(other).orElseThrow();
		assertThat(subscription.status()).isEqualTo(Status.PENDING);
		assertThat(subscription.userId()).isNull();
		assertThat(TestSmtp.messagesTo(other)).singleElement()
			.satisfies((mail) -> assertThat(mail.getSubject()).isEqualTo("Confirm your Paperboy digest subscription"));
	}

	@Test
	void aVisitorStillConfirmsByMailWhateverTheAddress() throws Exception {
		Member member = TestMembers.create(this.accounts, "Absent Reader");

		this.mvc.perform(post("/subscribe").param("email", member.email()))
			.andExpect(content().string(containsString("Check your inbox.")));

		assertThat(this.subscriptions.findByEmail(member.email()).orElseThrow().status()).isEqualTo(Status.PENDING);
		assertThat(TestSmtp.messagesTo(member.email())).hasSize(1);
	}

	@Test
	void theFooterOffersAMemberTheirAddressAndTheirDigestSettings() throws Exception {
		Member member = TestMembers.create(this.accounts, "Footer Member");

		this.mvc.perform(get("/stats").with(TestMembers.signedIn(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"email\" value=\"" + member.email() + "\""),
					containsString("<p class=\"digest-settings-link\"><a href=\"/settings/digest\">Digest settings</a>"))));
		this.mvc.perform(get("/stats"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"email\" value=\"\""),
					not(containsString("Digest settings")))));
	}

}
