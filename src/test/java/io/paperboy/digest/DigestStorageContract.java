package io.paperboy.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.community.Votes;
import io.paperboy.library.Library;
import io.paperboy.mail.DevMailbox;
import io.paperboy.mail.KeptMail;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Composing and sending digests on every database Paperboy supports: which papers, in which
 * order, for which preferences, and when. Mail goes to the development outbox. "Now" starts on
 * Monday, June 2, 2025, 12:00 UTC.
 */
@StorageTest
abstract class DigestStorageContract {

	private static final Instant MONDAY_NOON = MutableClock.Configuration.START;

	@Autowired
	MutableClock clock;

	@Autowired
	SubscriptionRepository subscriptions;

	@Autowired
	Digests digests;

	@Autowired
	DigestRuns runs;

	@Autowired
	DevMailbox outbox;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Library library;

	@Autowired
	Catalog catalog;

	@Autowired
	ApplicationEventPublisher events;

	DigestTestData data;

	private int someone;

	@BeforeEach
	void freshStart() {
		this.clock.set(MONDAY_NOON);
		this.data = new DigestTestData(this.jdbc, this.catalog);
		this.data.empty(this.events);
	}

	@Test
	void aFirstDailyDigestHoldsTheLastDaysPapersByTrending() {
		this.data.list("2506.00001", "Twenty", 20, "2025-06-02T09:00:00Z");
		this.data.list("2506.00002", "Ninety", 90, "2025-06-02T10:00:00Z");
		this.data.list("2506.00003", "Yesterday", 5, "2025-06-01T13:00:00Z");
		this.data.list("2506.00004", "Too old", 500, "2025-06-01T11:59:00Z");

		Digest digest = this.digests.compose(subscriber("a@example.org", Preferences.defaults()), MONDAY_NOON);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00002", "2506.00001", "2506.00003");
		assertThat(digest.items().get(0).reason()).isEqualTo("trending: +90 votes today");
	}

	@Test
	void aFirstWeeklyDigestHoldsTheLastSevenDays() {
		this.data.list("2506.00001", "This week", 20, "2025-05-27T09:00:00Z");
		this.data.list("2506.00002", "Too old", 90, "2025-05-26T11:00:00Z");

		Digest digest = this.digests.compose(subscriber("a@example.org", weekly(DayOfWeek.MONDAY)), MONDAY_NOON);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00001");
		assertThat(digest.items().get(0).reason()).isEqualTo("trending: +20 votes this week");
	}

	@Test
	void categoriesKeepPapersInAnyOfThemAndAnArchiveNameKeepsItsCategories() {
		this.data.list("2506.00001", "Learning", 20, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "Language", 90, "2025-06-02T10:00:00Z", "cs.CL", "cs.AI");
		this.data.list("2506.00003", "Physics", 50, "2025-06-02T10:00:00Z", "hep-th");
		this.data.list("2506.00004", "Statistics", 40, "2025-06-02T10:00:00Z", "stat.ML");

		assertThat(DigestTestData.ids(compose(topics(List.of("cs.AI", "stat"), List.of()))))
			.containsExactly("2506.00002", "2506.00004");
	}

	@Test
	void keywordsMatchWholeWordsAndPhrasesInTitleOrAbstractWithoutRegardToCase() {
		this.data.list(TestPapers.paper("2506.00001").withTitle("Reinforcement Learning from feedback").withUpvotes(10),
				"2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00002").withTitle("A survey").withSummary("We study reinforcement\nlearning agents.").withUpvotes(30),
				"2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00003").withTitle("Reinforcements learned").withUpvotes(50),
				"2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00004").withTitle("Diffusion for video").withUpvotes(5),
				"2025-06-02T09:00:00Z");

		Digest digest = compose(topics(List.of(), List.of("reinforcement learning", "DIFFUSION")));

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00002", "2506.00001", "2506.00004");
		assertThat(digest.items().get(0).reason()).isEqualTo("matches: reinforcement learning");
		assertThat(digest.items().get(2).reason()).isEqualTo("matches: DIFFUSION");
	}

	@Test
	void aMinimumOfUpvotesAndTheNumberOfPapersAreKept() {
		for (int i = 1; i <= 12; i++) {
			this.data.list("2506.000" + String.format("%02d", i), "Paper " + i, i * 10, "2025-06-02T09:00:00Z");
		}
		Preferences preferences = new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 5, List.of(),
				List.of(), 35, Ordering.TRENDING);

		Digest digest = compose(preferences);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00012", "2506.00011", "2506.00010", "2506.00009",
				"2506.00008");
		assertThat(compose(new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 5, List.of(),
				List.of(), 115, Ordering.TRENDING)).items()).hasSize(1);
	}

	@Test
	void personalOrderingPutsPapersLikeThoseTheMemberUpvotedFirst() {
		Member member = this.accounts.loadUserByUsername("robotics@example.org");
		this.data.list("2505.00001", "An older robotics paper", 3, "2025-05-20T09:00:00Z", "cs.RO");
		this.votes.upvote("2505.00001", member.id());
		this.data.list("2506.00001", "A popular learning paper", 90, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "A robotics paper", 10, "2025-06-02T09:00:00Z", "cs.RO");
		Preferences personal = new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 10, List.of(),
				List.of(), 0, Ordering.UPVOTED);

		Subscription subscription = subscriber("robotics@example.org", personal);
		Digest ordered = this.digests.compose(subscription, MONDAY_NOON);
		this.subscriptions.savePreferences(subscription.id(), Preferences.defaults());
		Digest plain = this.digests.compose(this.subscriptions.find(subscription.id()).orElseThrow(), MONDAY_NOON);

		assertThat(DigestTestData.ids(ordered)).containsExactly("2506.00002", "2506.00001");
		assertThat(ordered.items().get(0).reason()).isEqualTo("like papers you upvoted");
		assertThat(DigestTestData.ids(plain)).containsExactly("2506.00001", "2506.00002");
	}

	@Test
	void aRunFindsTheMembersOfABlockOfSubscribersByAddressAndOrdersEachByWhatTheyUpvoted() {
		Member member = this.accounts.loadUserByUsername("robotics@example.org");
		Member other = this.accounts.loadUserByUsername("learning@example.org");
		this.data.list("2505.00001", "An older robotics paper", 3, "2025-05-20T09:00:00Z", "cs.RO");
		this.data.list("2505.00002", "An older learning paper", 3, "2025-05-20T09:00:00Z", "cs.LG");
		this.votes.upvote("2505.00001", member.id());
		this.votes.upvote("2505.00002", other.id());
		this.data.list("2506.00001", "A popular learning paper", 90, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "A robotics paper", 10, "2025-06-02T09:00:00Z", "cs.RO");
		Preferences personal = new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 10, List.of(),
				List.of(), 0, Ordering.UPVOTED);
		subscriber("robotics@example.org", personal);
		subscriber("learning@example.org", personal);
		subscriber("no-member@example.org", personal);

		assertThat(this.runs.run(false).sent()).isEqualTo(3);

		String robotics = this.outbox.to("robotics@example.org").get(0).text();
		assertThat(robotics.indexOf("A robotics paper")).isLessThan(robotics.indexOf("A popular learning paper"));
		assertThat(robotics).contains("like papers you upvoted");
		String learning = this.outbox.to("learning@example.org").get(0).text();
		assertThat(learning.indexOf("A popular learning paper")).isLessThan(learning.indexOf("A robotics paper"));
		String trending = this.outbox.to("no-member@example.org").get(0).text();
		assertThat(trending.indexOf("A popular learning paper")).isLessThan(trending.indexOf("A robotics paper"));
		assertThat(trending).doesNotContain("like papers you upvoted");
	}

	@Test
	void aForYouDigestOfAMemberWithNoSignalYetIsInTrendingOrderAndSaysWhatItLearnsFrom() {
		this.accounts.loadUserByUsername("cold-start@example.org");
		this.data.list("2506.00001", "Twenty", 20, "2025-06-02T09:00:00Z");
		this.data.list("2506.00002", "Ninety", 90, "2025-06-02T10:00:00Z");
		subscriber("cold-start@example.org", daily(8, "UTC").withOrdering(Ordering.FOR_YOU));

		Digest digest = this.digests.compose(subscriber("cold-start-2@example.org", Preferences.defaults()), MONDAY_NOON);
		assertThat(digest.note()).as("a trending digest has no note").isNull();
		assertThat(this.runs.run(false).sent()).isEqualTo(2);

		KeptMail mail = this.outbox.to("cold-start@example.org").get(0);
		assertThat(mail.text()).contains(Digests.LEARNING.substring(0, 40)).contains("trending: +90 votes today");
		assertThat(mail.text().indexOf("Ninety")).isLessThan(mail.text().indexOf("Twenty"));
		assertThat(this.outbox.to("cold-start-2@example.org").get(0).text()).doesNotContain("learns what you like");
	}

	@Test
	void aForYouDigestPutsFollowedAuthorsFirstAndLeavesOutWhatTheMemberIsNotInterestedIn() {
		Member member = this.accounts.loadUserByUsername("follower@example.org");
		this.data.list(TestPapers.paper("2506.00001").withTitle("Most upvoted").withUpvotes(90).withAuthors("Ada Lovelace"),
				"2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00002").withTitle("Not for me").withUpvotes(50).withAuthors("Ada Lovelace"),
				"2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00003").withTitle("By a followed author").withUpvotes(2)
			.withAuthors("Grace Hopper", "Alan Turing"), "2025-06-02T09:00:00Z");
		this.data.list(TestPapers.paper("2506.00004").withTitle("Middling").withUpvotes(20).withAuthors("Ada Lovelace"),
				"2025-06-02T09:00:00Z");
		this.library.follow(member.id(), "Grace Hopper", true);
		this.library.notInterested(member.id(), "2506.00002", true);

		Digest digest = this.digests.compose(subscriber("follower@example.org",
				daily(8, "UTC").withOrdering(Ordering.FOR_YOU)), MONDAY_NOON);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00003", "2506.00001", "2506.00004");
		assertThat(digest.items().get(0).reason()).isEqualTo("By Grace Hopper, whom you follow");
		// without embeddings the model places nothing: the rest keep trending's order and words
		assertThat(digest.items().get(1).reason()).isEqualTo("trending: +90 votes today");
		assertThat(digest.note()).isNull();
	}

	@Test
	void aForYouDigestKeepsTheTopicsAndGoesOutInTrendingOrderWhenTheModelCannotAnswer() {
		Member member = this.accounts.loadUserByUsername("saver@example.org");
		this.data.list("2505.00001", "Saved last month", 3, "2025-05-10T09:00:00Z", "cs.LG");
		this.library.save(member.id(), "2505.00001", true);
		this.data.list("2506.00001", "Learning", 20, "2025-06-02T09:00:00Z", "cs.LG");
		this.data.list("2506.00002", "More learning", 90, "2025-06-02T10:00:00Z", "cs.LG");
		this.data.list("2506.00003", "Vision", 500, "2025-06-02T10:00:00Z", "cs.CV");
		this.data.list("2506.00004", "Too few upvotes", 1, "2025-06-02T10:00:00Z", "cs.LG");
		Preferences preferences = new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 10,
				List.of("cs.LG"), List.of(), 2, Ordering.FOR_YOU);

		// the index holds no vector (embeddings are off in these tests): nothing to rank by
		Digest digest = this.digests.compose(subscriber("saver@example.org", preferences), MONDAY_NOON);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00002", "2506.00001");
		assertThat(digest.items()).extracting(DigestItem::reason).containsOnly("matches: cs.LG");
		assertThat(digest.note()).as("the member has a signal: not a cold start").isNull();
	}

	@Test
	void aForYouOrderWithoutAnAccountIsTrending() {
		this.data.list("2506.00001", "Twenty", 20, "2025-06-02T09:00:00Z");
		this.data.list("2506.00002", "Ninety", 90, "2025-06-02T10:00:00Z");

		Digest digest = this.digests.compose(subscriber("no-account@example.org",
				daily(8, "UTC").withOrdering(Ordering.FOR_YOU)), MONDAY_NOON);

		assertThat(DigestTestData.ids(digest)).containsExactly("2506.00002", "2506.00001");
		assertThat(digest.note()).isNull();
	}

	@Test
	void aPaperIsNeverSentTwiceAndTheNextDigestStartsWhereThePreviousEnded() {
		this.data.list("2506.00001", "Monday's", 20, "2025-06-02T09:00:00Z");
		Subscription subscription = subscriber("a@example.org", daily(8, "UTC"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);

		this.data.list("2506.00002", "Tuesday's", 10, "2025-06-03T01:00:00Z");
		// listed again on Tuesday (a curator moved it): still sent once
		this.data.list("2506.00001", "Monday's", 25, "2025-06-03T02:00:00Z");
		this.clock.set(Instant.parse("2025-06-03T08:00:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);

		List<KeptMail> sent = this.outbox.to("a@example.org");
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).text()).contains("Monday's");
		assertThat(sent.get(1).text()).contains("Tuesday's").doesNotContain("Monday's");
		assertThat(this.subscriptions.sentPapers(subscription.id(), Instant.EPOCH)).containsExactlyInAnyOrder("2506.00001", "2506.00002");
	}

	@Test
	void nothingToSendSendsNothingAndLeavesThePeriodOpen() {
		subscriber("a@example.org", daily(8, "UTC"));
		assertThat(this.runs.run(false).empty()).isEqualTo(1);
		assertThat(this.outbox.to("a@example.org")).isEmpty();

		this.data.list("2506.00001", "Arrived at one", 20, "2025-06-02T13:00:00Z");
		this.clock.set(Instant.parse("2025-06-02T13:15:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);
	}

	@Test
	void aWeekdaySubscriberGetsNothingOnSaturdayAndTheirDigestOnMonday() {
		this.data.list("2506.00001", "Sunday's", 20, "2025-06-08T10:00:00Z");
		subscriber("weekdays@example.org", Preferences.defaults());
		this.clock.set(Instant.parse("2025-06-07T09:00:00Z"));
		assertThat(this.runs.run(false).due()).isZero();
		this.clock.set(Instant.parse("2025-06-08T20:00:00Z"));
		assertThat(this.runs.run(false).due()).isZero();
		assertThat(this.outbox.to("weekdays@example.org")).isEmpty();

		this.clock.set(Instant.parse("2025-06-09T07:59:00Z"));
		assertThat(this.runs.run(false).due()).isZero();
		this.clock.set(Instant.parse("2025-06-09T08:00:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);
		assertThat(this.outbox.to("weekdays@example.org").get(0).subject()).isEqualTo("Trending papers — Jun 9: Sunday's");
	}

	@Test
	void aTokyoSubscriberGetsTheirDigestAtEightInTheMorningTokyoTime() {
		this.data.list("2506.00001", "Overnight", 20, "2025-06-02T20:00:00Z");
		Subscription tokyo = subscriber("tokyo@example.org", daily(8, "Asia/Tokyo"));

		// 07:59 on Tuesday in Tokyo
		this.clock.set(Instant.parse("2025-06-02T22:59:00Z"));
		assertThat(this.runs.run(false).due()).isZero();
		// 08:00 on Tuesday in Tokyo, still Monday in UTC
		this.clock.set(Instant.parse("2025-06-02T23:00:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);
		assertThat(this.subscriptions.hasPeriod(tokyo.id(), "2025-06-03")).isTrue();
		assertThat(this.outbox.to("tokyo@example.org").get(0).subject()).startsWith("Trending papers — Jun 3:");
		// later that day, nothing more
		this.clock.set(Instant.parse("2025-06-03T08:00:00Z"));
		assertThat(this.runs.run(false).alreadySent()).isEqualTo(1);
	}

	@Test
	void aWeeklyDigestComesOnItsDayAndRunNowSendsAtMostOnePerWeek() {
		this.data.list("2506.00001", "This week's", 20, "2025-06-04T10:00:00Z");
		subscriber("friday@example.org", weekly(DayOfWeek.FRIDAY));
		this.clock.set(Instant.parse("2025-06-05T12:00:00Z"));
		assertThat(this.runs.run(false).due()).isZero();
		this.clock.set(Instant.parse("2025-06-06T12:00:00Z"));
		assertThat(this.runs.run(false).sent()).isEqualTo(1);

		this.data.list("2506.00002", "Saturday's", 20, "2025-06-07T10:00:00Z");
		this.clock.set(Instant.parse("2025-06-07T12:00:00Z"));
		assertThat(this.runs.run(true).alreadySent()).isEqualTo(1);
		assertThat(this.outbox.to("friday@example.org")).hasSize(1);
	}

	@Test
	void runNowTreatsEveryConfirmedSubscriptionAsDueButNotThePendingOnes() {
		this.data.list("2506.00001", "A paper", 20, "2025-06-02T10:00:00Z");
		subscriber("early@example.org", daily(23, "UTC"));
		this.subscriptions.insertPending("pending@example.org", Preferences.defaults(), null, MONDAY_NOON);

		assertThat(this.runs.run(false).due()).isZero();
		DigestRuns.RunReport report = this.runs.run(true);

		assertThat(report.sent()).isEqualTo(1);
		assertThat(this.outbox.to("early@example.org")).hasSize(1);
		assertThat(this.outbox.to("pending@example.org")).isEmpty();
		// the scheduled run at 23:00 finds the day's digest sent
		this.clock.set(Instant.parse("2025-06-02T23:00:00Z"));
		assertThat(this.runs.run(false).alreadySent()).isEqualTo(1);
	}

	@Test
	void aPeriodIsClaimedOnceSoTwoNodesCannotBothSendIt() {
		Subscription subscription = subscriber("a@example.org", Preferences.defaults());
		assertThat(this.subscriptions.claimPeriod(subscription.id(), "2025-06-02", 3, MONDAY_NOON)).isTrue();
		assertThat(this.subscriptions.claimPeriod(subscription.id(), "2025-06-02", 3, MONDAY_NOON)).isFalse();
		assertThat(this.subscriptions.claimPeriod(subscription.id(), "2025-06-03", 3, MONDAY_NOON)).isTrue();
	}

	@Test
	void preferencesAreStoredAndReadBackWhole() {
		Preferences preferences = new Preferences(Cadence.WEEKLY, DayOfWeek.SATURDAY, 23, ZoneId.of("America/Sao_Paulo"),
				50, List.of("cs.LG", "hep-th"), List.of("large language models", "RLHF"), 7, Ordering.FOR_YOU);
		Subscription subscription = subscriber("a@example.org", preferences);
		assertThat(this.subscriptions.find(subscription.id()).orElseThrow().preferences()).isEqualTo(preferences);
		assertThat(this.subscriptions.countByStatus()).containsEntry(Status.CONFIRMED, 1L).containsEntry(Status.PENDING, 0L);
	}

	private Digest compose(Preferences preferences) {
		return this.digests.compose(subscriber("someone" + (++this.someone) + "@example.org", preferences), MONDAY_NOON);
	}

	Subscription subscriber(String email, Preferences preferences) {
		long id = this.subscriptions.insertPending(email, preferences, null, MONDAY_NOON).orElseThrow();
		this.subscriptions.confirm(id, MONDAY_NOON);
		return this.subscriptions.find(id).orElseThrow();
	}

	private static Preferences daily(int hour, String zone) {
		return new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, hour, ZoneId.of(zone), 10, List.of(), List.of(), 0, Ordering.TRENDING);
	}

	private static Preferences weekly(DayOfWeek day) {
		return new Preferences(Cadence.WEEKLY, day, 8, ZoneId.of("UTC"), 10, List.of(), List.of(), 0, Ordering.TRENDING);
	}

	private static Preferences topics(List<String> categories, List<String> keywords) {
		return new Preferences(Cadence.DAILY, DayOfWeek.MONDAY, 8, ZoneId.of("UTC"), 10, categories, keywords, 0, Ordering.TRENDING);
	}

}
