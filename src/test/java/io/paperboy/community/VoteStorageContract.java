package io.paperboy.community;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.UserDirectory;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.PaperNotFoundException;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import io.paperboy.web.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What votes and profiles must do on every database Paperboy supports. Each subclass runs the same
 * tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class VoteStorageContract {

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDirectory users;

	@Autowired
	Votes votes;

	@Autowired
	Profiles profiles;

	@Autowired
	VoteLedger ledger;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void threePapers() {
		this.clock.set(MutableClock.Configuration.START);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withUpvotes(12).build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00002").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").withUpvotes(3).build(), JUNE_2);
	}

	@Test
	void aVoteAskedForTwiceCountsOnceAndTheCountIncludesImportedUpvotes() {
		Member member = TestMembers.create(this.accounts);

		assertThat(this.votes.vote("2506.00001", member.id(), true)).isEqualTo(new UpvoteState("2506.00001", 13, true));
		assertThat(this.votes.vote("2506.00001", member.id(), true)).isEqualTo(new UpvoteState("2506.00001", 13, true));
		assertThat(this.votes.vote("2506.00001", member.id(), false)).isEqualTo(new UpvoteState("2506.00001", 12, false));
		assertThat(this.votes.vote("2506.00001", member.id(), false)).isEqualTo(new UpvoteState("2506.00001", 12, false));
		assertThat(this.catalog.findPaper("2506.00001").orElseThrow().memberVotes()).isZero();
	}

	@Test
	void aToggleCastsAVoteThenWithdrawsIt() {
		Member first = TestMembers.create(this.accounts);
		Member second = TestMembers.create(this.accounts);

		assertThat(this.votes.toggle("hep-th/9901001", first.id())).isEqualTo(new UpvoteState("hep-th/9901001", 4, true));
		assertThat(this.votes.toggle("hep-th/9901001", second.id())).isEqualTo(new UpvoteState("hep-th/9901001", 5, true));
		assertThat(this.votes.toggle("hep-th/9901001", first.id())).isEqualTo(new UpvoteState("hep-th/9901001", 4, false));
		assertThat(this.votes.hasVoted("hep-th/9901001", second.id())).isTrue();
	}

	@Test
	void votingForAPaperNotInTheCatalogChangesNothing() {
		Member member = TestMembers.create(this.accounts);

		assertThatThrownBy(() -> this.votes.vote("2506.99999", member.id(), true)).isInstanceOf(PaperNotFoundException.class);
		assertThatThrownBy(() -> this.votes.toggle("2506.99999", member.id())).isInstanceOf(PaperNotFoundException.class);
		assertThatThrownBy(() -> this.votes.vote("2506.00001", 987_654_321L, true))
			.isInstanceOf(MemberNotFoundException.class);
		assertThat(this.jdbc.sql("select count(*) from votes").query(Long.class).single()).isZero();
	}

	@Test
	void aMembersBallotPressesOnlyThePapersTheyVotedForAmongThoseAsked() {
		Member member = TestMembers.create(this.accounts);
		this.votes.upvote("2506.00001", member.id());
		this.votes.upvote("hep-th/9901001", member.id());
		this.votes.upvote("2506.00002", TestMembers.create(this.accounts).id());

		Ballot ballot = this.votes.ballot(new Viewer(member, null, "/papers"), List.of("2506.00001", "2506.00002"));

		assertThat(ballot.upvoted()).containsExactly("2506.00001");
		assertThat(this.votes.ballot(new Viewer(member, null, "/papers"), List.of()).upvoted()).isEmpty();
		assertThat(this.votes.ballot(Viewer.ANONYMOUS, List.of("2506.00001")).upvoted()).isEmpty();
	}

	@Test
	void theirUpvotedPapersComeMostRecentVoteFirst() {
		Member member = TestMembers.create(this.accounts);
		this.votes.upvote("2506.00002", member.id());
		this.clock.advance(Duration.ofSeconds(1));
		this.votes.upvote("hep-th/9901001", member.id());
		this.clock.advance(Duration.ofSeconds(1));
		this.votes.upvote("2506.00001", member.id());

		assertThat(this.votes.upvotedBy(member.id(), 10)).containsExactly("2506.00001", "hep-th/9901001", "2506.00002");
		assertThat(this.votes.upvotedBy(member.id(), 2)).containsExactly("2506.00001", "hep-th/9901001");
		assertThat(this.votes.countUpvotedBy(member.id())).isEqualTo(3);
	}

	@Test
	void theLedgerGivesAPapersVoteTimesEarliestFirst() {
		voteAt("2506.00001", "2025-06-03T10:00:00Z");
		voteAt("2506.00001", "2025-06-02T23:30:00Z");
		voteAt("2506.00002", "2025-06-04T08:00:00Z");

		assertThat(this.ledger.castTimes("2506.00001")).containsExactly(Instant.parse("2025-06-02T23:30:00Z"),
				Instant.parse("2025-06-03T10:00:00Z"));
		assertThat(this.ledger.castTimes("hep-th/9901001")).isEmpty();
	}

	@Test
	void theLedgerCountsVotesPerPaperAndUtcDaySinceAnInstantForThePapersAsked() {
		voteAt("2506.00001", "2025-06-02T23:59:59Z");
		voteAt("2506.00001", "2025-06-03T00:00:00Z");
		voteAt("2506.00001", "2025-06-03T23:00:00Z");
		voteAt("2506.00002", "2025-06-01T12:00:00Z");
		voteAt("hep-th/9901001", "2025-06-03T12:00:00Z");

		List<VoteLedger.PaperDay> days = this.ledger.countPerPaperAndDay(List.of("2506.00001", "2506.00002"),
				Instant.parse("2025-06-02T00:00:00Z"));

		assertThat(days).containsExactlyInAnyOrder(new VoteLedger.PaperDay("2506.00001", JUNE_2, 1),
				new VoteLedger.PaperDay("2506.00001", JUNE_2.plusDays(1), 2));
		assertThat(this.ledger.countPerPaperAndDay(List.of(), Instant.EPOCH)).isEmpty();
	}

	@Test
	void theLedgerCountsVotesPerPrimaryCategoryAndUtcDayInAPeriod() {
		this.catalog.savePaper(TestPapers.paper("2506.00003").withCategories("cs.LG", "cs.AI").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00004").withCategories("cs.LG").build(), JUNE_2);
		this.catalog.savePaper(TestPapers.paper("2506.00005").withCategories().build(), JUNE_2);
		voteAt("2506.00003", "2025-06-02T00:00:00Z");
		voteAt("2506.00003", "2025-06-02T10:00:00Z");
		voteAt("2506.00004", "2025-06-02T23:59:59Z");
		voteAt("2506.00004", "2025-06-03T00:00:00Z");
		voteAt("2506.00005", "2025-06-02T09:00:00Z");
		// before and after the period
		voteAt("2506.00003", "2025-06-01T23:59:59Z");
		voteAt("2506.00003", "2025-06-04T00:00:00Z");

		List<VoteLedger.CategoryDay> days = this.ledger.countPerCategoryAndDay(Instant.parse("2025-06-02T00:00:00Z"),
				Instant.parse("2025-06-04T00:00:00Z"));

		assertThat(days).containsExactlyInAnyOrder(new VoteLedger.CategoryDay("cs.LG", JUNE_2, 3),
				new VoteLedger.CategoryDay("cs.LG", JUNE_2.plusDays(1), 1), new VoteLedger.CategoryDay(null, JUNE_2, 1));
	}

	/** A new member's vote for a paper at a time. */
	private void voteAt(String paperId, String at) {
		this.clock.set(Instant.parse(at));
		this.votes.upvote(paperId, TestMembers.create(this.accounts).id());
	}

	@Test
	void aProfileIsFoundByUsernameForMembersAndImportedSubmittersAlike() {
		Member member = TestMembers.create(this.accounts, "Grace Hopper");
		this.users.ensureImported("akhaliq", "AK", null, null);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00002", JUNE_2, member.id()));
		this.votes.upvote("2506.00001", member.id());

		ProfilePage page = this.profiles.profile(member.username(), Viewer.ANONYMOUS);

		assertThat(page.person()).isEqualTo(new Person(member.id(), member.username(), "Grace Hopper",
				MutableClock.Configuration.START, true));
		assertThat(page.submitted()).extracting((listing) -> listing.paper().id()).containsExactly("2506.00002");
		assertThat(page.upvoted()).extracting((listing) -> listing.paper().id()).containsExactly("2506.00001");
		assertThat(page.comments()).isEmpty();
		assertThat(this.profiles.profile("akhaliq", Viewer.ANONYMOUS).person().member()).isFalse();
	}

	@Test
	void noOneHasTheProfileOfAnUnknownOrUnchosenUsername() {
		Member fresh = this.accounts.loadUserByUsername("unchosen@example.org");

		assertThatThrownBy(() -> this.profiles.profile("nobody", Viewer.ANONYMOUS)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.profiles.profile(fresh.username(), Viewer.ANONYMOUS))
			.isInstanceOf(NotFoundException.class);
	}

}
