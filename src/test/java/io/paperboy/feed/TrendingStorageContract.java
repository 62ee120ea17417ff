package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.account.UserDirectory;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.community.MemberNotFoundException;
import io.paperboy.community.Votes;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What trending scores must do on every database Paperboy supports, with a clock the tests move.
 * The half-life and new-account age are the defaults: 36 hours and 7 days. Each subclass runs the
 * same tests on one database.
 */
@StorageTest
abstract class TrendingStorageContract {

	private static final Duration HALF_LIFE = Duration.ofHours(36);

	private static final Instant START = MutableClock.Configuration.START;

	private static final Percentage CLOSE = Percentage.withPercentage(1e-7);

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	Votes votes;

	@Autowired
	Trending trending;

	@Autowired
	TrendingScores scores;

	@Autowired
	TrendingRepository repository;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private int members;

	@BeforeEach
	void emptyCatalog() {
		this.clock.set(START);
		CatalogTables.empty(this.jdbc, this.events);
		this.scores.rebuild();
	}

	@Test
	void everyDaysPaperHasAScoreOnceListed() {
		list("2506.00001", 3, START.minus(Duration.ofHours(2)));

		assertThat(this.repository.countScores()).isEqualTo(1);
		assertThat(score("2506.00001")).isCloseTo(3 * Math.pow(2, -2.0 / 36), CLOSE);
	}

	@Test
	void trendingScoreHalvesAfterOneHalfLife() {
		list("2506.00001", 0, START);
		long member = oldMember();
		this.votes.upvote("2506.00001", member);
		double fresh = score("2506.00001");

		this.clock.advance(HALF_LIFE);

		assertThat(fresh).isCloseTo(1.0, CLOSE);
		assertThat(score("2506.00001")).isCloseTo(0.5, CLOSE);
		this.clock.advance(HALF_LIFE.multipliedBy(2));
		assertThat(score("2506.00001")).isCloseTo(0.125, CLOSE);
	}

	@Test
	void aNewerVoteOutranksAnOlderOneOfEqualCount() {
		list("2506.00001", 0, START);
		list("2506.00002", 0, START);
		long older = oldMember();
		long newer = oldMember();
		this.votes.upvote("2506.00001", older);
		this.clock.advance(Duration.ofHours(5));
		this.votes.upvote("2506.00002", newer);

		assertThat(ranking()).startsWith("2506.00002", "2506.00001");
		assertThat(score("2506.00002") / score("2506.00001")).isCloseTo(Math.pow(2, 5.0 / 36), CLOSE);
	}

	@Test
	void anOldPaperResurfacesAboveANewerOneAfterEnoughNewVotes() {
		// listed a week ago with 100 votes then, against one listed today with 10
		list("2505.00001", 100, START.minus(Duration.ofDays(7)));
		list("2506.00001", 10, START);
		assertThat(ranking()).containsExactly("2506.00001", "2505.00001");

		// 100 * 2^(-168/36) = 3.9: a few votes today lift it back, but not one
		this.votes.upvote("2505.00001", oldMember());
		assertThat(ranking()).containsExactly("2506.00001", "2505.00001");
		for (int i = 0; i < 6; i++) {
			this.votes.upvote("2505.00001", oldMember());
		}

		assertThat(ranking()).containsExactly("2505.00001", "2506.00001");
		assertThat(score("2505.00001")).isCloseTo(100 * Math.pow(2, -168.0 / 36) + 7, CLOSE);
	}

	@Test
	void aBurstFromAccountsCreatedTheSameHourWeighsLessThanTheSameNumberFromOldAccounts() {
		list("2506.00001", 0, START);
		list("2506.00002", 0, START);
		List<Long> veterans = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			veterans.add(oldMember());
		}
		this.clock.advance(Duration.ofMinutes(10));
		List<Long> newcomers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			newcomers.add(member());
		}
		this.clock.advance(Duration.ofMinutes(50));
		veterans.forEach((member) -> this.votes.upvote("2506.00001", member));
		newcomers.forEach((member) -> this.votes.upvote("2506.00002", member));

		assertThat(ranking()).containsExactly("2506.00001", "2506.00002");
		// accounts 50 minutes old: each vote weighs 50 min / 7 days
		double weight = 50.0 / (7 * 24 * 60);
		assertThat(score("2506.00001")).isCloseTo(20, CLOSE);
		assertThat(score("2506.00002")).isCloseTo(20 * weight, CLOSE);
		// both are shown as 20 votes: damping changes the rank, never the count
		assertThat(this.catalog.findPaper("2506.00002").orElseThrow().upvotes()).isEqualTo(20);
	}

	@Test
	void anAccountOlderThanTheNewAccountAgeVotesFully() {
		list("2506.00001", 0, START);
		long member = member();
		this.clock.advance(Duration.ofDays(3).plusHours(12));
		this.votes.upvote("2506.00001", member);

		assertThat(score("2506.00001")).isCloseTo(0.5, CLOSE);
	}

	@Test
	void aRebaseLeavesTheOrderAndTheDecayedScoresUnchanged() {
		populate();
		this.clock.advance(Duration.ofDays(10));
		List<String> order = ranking();
		Map<String, Double> decayed = decayedScores();

		this.scores.rebase(this.clock.instant());

		assertThat(this.repository.state(false)).map(TrendingState::epoch).contains(this.clock.instant());
		assertThat(ranking()).isEqualTo(order);
		decayedScores().forEach((id, score) -> assertThat(score).isCloseTo(decayed.get(id), CLOSE));
		// and votes after it add to the moved scores
		this.votes.upvote("2506.00003", oldMember());
		assertThat(score("2506.00003")).isCloseTo(decayed.get("2506.00003") + 1, CLOSE);
	}

	@Test
	void aRebaseIsDueOnlyOnceTheEpochIsFarEnoughBehind() {
		Instant epoch = this.repository.state(false).orElseThrow().epoch();
		this.clock.advance(HALF_LIFE.multipliedBy(63));
		assertThat(this.scores.rebaseIfDue()).isFalse();

		this.clock.advance(HALF_LIFE);

		assertThat(this.scores.rebaseIfDue()).isTrue();
		assertThat(this.repository.state(false).orElseThrow().epoch()).isAfter(epoch).isEqualTo(this.clock.instant());
	}

	@Test
	void aVoteComputedAgainstAnEpochAnotherProcessMovedIsAddedAgainstTheNewOne() {
		populate();
		this.clock.advance(Duration.ofDays(2));
		double before = score("2506.00002");
		// another process rebases: this one still knows the old epoch
		TrendingState stored = this.repository.state(false).orElseThrow();
		Instant moved = this.clock.instant();
		this.repository.rebase(stored.epoch(), moved, stored.formula().rebaseFactor(stored.epoch(), moved));
		this.repository.moveEpoch(moved);
		assertThat(this.scores.current().epoch()).isEqualTo(stored.epoch());

		this.votes.upvote("2506.00002", oldMember());

		assertThat(this.scores.current().epoch()).isEqualTo(moved);
		assertThat(score("2506.00002")).isCloseTo(before + 1, CLOSE);
	}

	@Test
	void aFullRebuildGivesTheSameScoresAsIncrementalUpdates() {
		long veteran = populate();
		this.clock.advance(Duration.ofHours(30));
		this.votes.withdraw("2506.00001", veteran);
		Map<String, Double> incremental = decayedScores();
		List<String> order = ranking();

		this.scores.rebuild();

		assertThat(ranking()).isEqualTo(order);
		Map<String, Double> rebuilt = decayedScores();
		assertThat(rebuilt.keySet()).isEqualTo(incremental.keySet());
		rebuilt.forEach((id, score) -> assertThat(score).as(id).isCloseTo(incremental.get(id), Offset.offset(1e-9)));
	}

	@Test
	void withdrawingAVoteRemovesItsContribution() {
		list("2506.00001", 4, START);
		long early = member();
		this.clock.advance(Duration.ofDays(2));
		long member = oldMember();
		this.votes.upvote("2506.00001", early);
		double withoutIt = score("2506.00001");
		this.votes.upvote("2506.00001", member);
		assertThat(this.catalog.findPaper("2506.00001").orElseThrow().upvotes()).isEqualTo(6);
		this.clock.advance(Duration.ofHours(3));
		double withoutItNow = withoutIt * Math.pow(2, -3.0 / 36);

		assertThat(this.votes.withdraw("2506.00001", member)).isTrue();

		assertThat(score("2506.00001")).isCloseTo(withoutItNow, CLOSE);
		assertThat(this.catalog.findPaper("2506.00001").orElseThrow().upvotes()).isEqualTo(5);
		assertThat(this.votes.hasVoted("2506.00001", member)).isFalse();
		assertThat(this.votes.withdraw("2506.00001", member)).isFalse();
	}

	@Test
	void aMemberVotesForAPaperOnce() {
		list("2506.00001", 4, START);
		long member = oldMember();

		assertThat(this.votes.upvote("2506.00001", member)).isTrue();
		assertThat(this.votes.upvote("2506.00001", member)).isFalse();

		assertThat(this.votes.hasVoted("2506.00001", member)).isTrue();
		assertThat(this.catalog.findPaper("2506.00001").orElseThrow().upvotes()).isEqualTo(5);
		assertThat(score("2506.00001")).isCloseTo(5, CLOSE);
	}

	@Test
	void votesForUnknownPapersOrMembersAreRefused() {
		list("2506.00001", 0, START);
		long member = oldMember();

		assertThatThrownBy(() -> this.votes.upvote("2506.09999", member)).isInstanceOf(PaperNotFoundException.class);
		assertThatThrownBy(() -> this.votes.upvote("2506.00001", 987654321L))
			.isInstanceOf(MemberNotFoundException.class);
		assertThat(score("2506.00001")).isZero();
	}

	@Test
	void votesCastBeforeAPaperIsListedCountOnceItIs() {
		this.catalog.savePaper(TestPapers.paper("2506.00001").build(), LocalDate.of(2025, 6, 2));
		this.votes.upvote("2506.00001", oldMember());
		assertThat(this.repository.countScores()).isZero();

		this.clock.advance(HALF_LIFE);
		this.catalog.placeOnDailyList(entry("2506.00001", this.clock.instant()));

		assertThat(score("2506.00001")).isCloseTo(0.5, CLOSE);
	}

	@Test
	void anImportThatChangesTheImportedCountRecomputesTheScore() {
		list("2506.00001", 10, START.minus(HALF_LIFE));
		long member = oldMember();
		this.votes.upvote("2506.00001", member);
		assertThat(score("2506.00001")).isCloseTo(6, CLOSE);

		this.catalog.savePaper(TestPapers.paper("2506.00001").withUpvotes(30).build(), LocalDate.of(2025, 6, 3));

		assertThat(score("2506.00001")).isCloseTo(16, CLOSE);
		assertThat(this.catalog.findPaper("2506.00001").orElseThrow().upvotes()).isEqualTo(31);
		// an import does not wipe what members did
		assertThat(this.votes.hasVoted("2506.00001", member)).isTrue();
	}

	@Test
	void scoresComputedWithOtherParametersAreRebuiltAtStart() {
		list("2506.00001", 8, START);
		this.jdbc.sql("update trending_state set half_life_seconds = 3600").update();
		this.jdbc.sql("update paper_scores set score = 0").update();

		assertThat(this.scores.ensureCurrent()).hasValueSatisfying((report) -> assertThat(report.papers()).isEqualTo(1));

		assertThat(this.scores.current().halfLife()).isEqualTo(HALF_LIFE);
		assertThat(score("2506.00001")).isCloseTo(8, CLOSE);
		assertThat(this.scores.ensureCurrent()).isEmpty();
	}

	@Test
	void scoresNeverComputedAreComputedAtStart() {
		list("2506.00001", 8, START);
		// as V3 leaves the state: a row to lock, with no parameters
		this.jdbc.sql("update trending_state set half_life_seconds = 0, new_account_age_seconds = 0").update();
		this.jdbc.sql("delete from paper_scores").update();
		assertThat(this.repository.state(true)).isEmpty();

		assertThat(this.scores.ensureCurrent()).hasValueSatisfying((report) -> assertThat(report.papers()).isEqualTo(1));

		assertThat(score("2506.00001")).isCloseTo(8, CLOSE);
	}

	@Test
	void theTrendingListSaysWhyEachPaperRanks() {
		list("2506.00001", 40, START.minus(Duration.ofHours(30)));
		list("2506.00002", 12, START.minus(Duration.ofHours(3)));
		long member = oldMember();
		this.votes.upvote("2506.00001", member);
		this.votes.upvote("2506.00002", member);
		this.clock.advance(Duration.ofHours(1));

		List<TrendingListing> top = this.trending.top(10);

		assertThat(top).extracting((listing) -> listing.listing().paper().id()).containsExactly("2506.00001",
				"2506.00002");
		assertThat(top).extracting(TrendingListing::reason)
			.containsExactly("+1 vote in the last 24 h", "+13 votes in the last 24 h");
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.trending.top(10)).extracting(TrendingListing::reason)
			.containsExactly("41 votes since it was listed on Jun 1, 2025, none in the last 24 h",
					"13 votes since it was listed on Jun 2, 2025, none in the last 24 h");
	}

	/**
	 * Three papers and a few votes from members old and new, over a day.
	 * @return the old member who voted for 2506.00001
	 */
	private long populate() {
		list("2506.00001", 5, START.minus(Duration.ofHours(20)));
		list("2506.00002", 2, START.minus(Duration.ofHours(2)));
		list("2506.00003", 0, START);
		long veteran = oldMember();
		long newcomer = member();
		this.clock.advance(Duration.ofHours(6));
		this.votes.upvote("2506.00001", veteran);
		this.votes.upvote("2506.00002", newcomer);
		this.clock.advance(Duration.ofHours(20));
		this.votes.upvote("2506.00003", veteran);
		this.votes.upvote("2506.00003", newcomer);
		this.votes.upvote("2506.00002", oldMember());
		return veteran;
	}

	private void list(String id, int upvotes, Instant submittedAt) {
		this.catalog.savePaper(TestPapers.paper(id).withUpvotes(upvotes).build(), LocalDate.of(2025, 6, 2));
		this.catalog.placeOnDailyList(entry(id, submittedAt));
	}

	private static DailyEntry entry(String id, Instant submittedAt) {
		return new DailyEntry(id, LocalDate.ofInstant(submittedAt, ZoneOffset.UTC), submittedAt, null, null, List.of(),
				null, null);
	}

	/** A member whose account is older than the new-account age: their votes weigh 1. */
	private long oldMember() {
		Instant now = this.clock.instant();
		this.clock.set(now.minus(Duration.ofDays(30)));
		long id = member();
		this.clock.set(now);
		return id;
	}

	/** A member created now. */
	private long member() {
		this.members++;
		return this.users.ensureImported("member-" + this.members + "-" + System.nanoTime(), null, null, null).id();
	}

	/** The decayed score now, as the trending list reports it. */
	private double score(String id) {
		return decayedScores().getOrDefault(id, 0.0);
	}

	private Map<String, Double> decayedScores() {
		Map<String, Double> scores = new LinkedHashMap<>();
		this.trending.top(Trending.MAX_DEPTH).forEach((listing) -> scores.put(listing.listing().paper().id(), listing.score()));
		return scores;
	}

	private List<String> ranking() {
		return this.trending.top(Trending.MAX_DEPTH).stream().map((listing) -> listing.listing().paper().id()).toList();
	}

}
