package io.paperboy.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.paperboy.account.MemberDeletedEvent;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.CatalogChangedEvent;
import io.paperboy.community.VoteChangedEvent;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.TestPapers;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class RecentListingsTests {

	private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

	@Autowired
	private Catalog catalog;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private SearchRepository rows;

	private final AtomicLong nanos = new AtomicLong();

	private RecentListings listings;

	@BeforeEach
	void twoPapers() {
		CatalogTables.empty(this.jdbc, this.events);
		this.catalog.savePaper(TestPapers.paper("2506.00001").withTitle("First\n  of two").build(), DAY);
		this.catalog.savePaper(TestPapers.paper("2506.00002").withTitle("Second").build(), DAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2506.00001", DAY));
		this.listings = new RecentListings(this.catalog, this.rows, this.nanos::get);
	}

	@Test
	void thePapersFoundAreReadWithTheirDailyEntriesAndUnknownIdsAreLeftOut() {
		var found = this.listings.of(List.of("2506.00002", "2506.09999", "2506.00001"));
		assertThat(found).containsOnlyKeys("2506.00001", "2506.00002");
		assertThat(found.get("2506.00001").title()).isEqualTo("First of two");
		assertThat(found.get("2506.00001").listing().entry().day()).isEqualTo(DAY);
	}

	@Test
	void whatChangesWithoutTouchingThePapersRowIsShownAsReadForAWhileThenReadAgain() {
		this.listings.of(List.of("2506.00001"));
		retitle("2506.00001", "Changed behind the server's back");
		assertThat(title("2506.00001")).isEqualTo("First\n  of two");
		this.nanos.addAndGet(RecentListings.KEPT_FOR.toNanos() + 1);
		assertThat(title("2506.00001")).isEqualTo("Changed behind the server's back");
	}

	@Test
	void aPaperWrittenByAnotherProcessIsReadAgainOnceItsRowIsLookedAtAgainAndTheOthersAreKept() {
		this.listings.of(List.of("2506.00001", "2506.00002"));
		// as an import beside the server writes it: its row's time written changes, and no event comes here
		this.jdbc.sql("update papers set title = 'Imported again', updated_at = updated_at + interval '1' second "
				+ "where id = '2506.00001'").update();
		retitle("2506.00002", "Renamed without a new time");
		// the rows were looked at a moment ago: that look holds for a few seconds
		this.nanos.addAndGet(RecentListings.CHECKED_FOR.toNanos() - 1);
		assertThat(title("2506.00001")).isEqualTo("First\n  of two");
		this.nanos.addAndGet(1);
		assertThat(title("2506.00001")).isEqualTo("Imported again");
		assertThat(title("2506.00002")).isEqualTo("Second");
	}

	@Test
	void aLookThatFindsTheRowUnchangedHoldsForAWhileButDoesNotKeepThePaperLonger() {
		this.listings.of(List.of("2506.00001"));
		// looked at again and again, unchanged, as often as a look expires, until just before the paper does
		long looks = RecentListings.KEPT_FOR.toNanos() / RecentListings.CHECKED_FOR.toNanos() - 1;
		for (long look = 1; look <= looks; look++) {
			this.nanos.addAndGet(RecentListings.CHECKED_FOR.toNanos());
			this.listings.of(List.of("2506.00001"));
		}
		retitle("2506.00001", "Changed behind the server's back");
		assertThat(title("2506.00001")).isEqualTo("First\n  of two");
		this.nanos.addAndGet(RecentListings.KEPT_FOR.toNanos() - looks * RecentListings.CHECKED_FOR.toNanos() + 1);
		assertThat(title("2506.00001")).isEqualTo("Changed behind the server's back");
	}

	@Test
	void votesAndCommentsCountedByAnotherProcessMakeThePaperBeReadAgain() {
		this.listings.of(List.of("2506.00001", "2506.00002"));
		this.jdbc.sql("update papers set member_votes = member_votes + 1 where id = '2506.00001'").update();
		this.jdbc.sql("update papers set member_comments = member_comments + 1 where id = '2506.00002'").update();
		this.nanos.addAndGet(RecentListings.CHECKED_FOR.toNanos());
		var found = this.listings.of(List.of("2506.00001", "2506.00002"));
		assertThat(found.get("2506.00001").listing().paper().memberVotes()).isEqualTo(1);
		assertThat(found.get("2506.00002").listing().paper().memberComments()).isEqualTo(1);
	}

	@Test
	void aPaperDeletedByAnotherProcessIsLeftOutOnceItsRowIsLookedAtAgain() {
		this.listings.of(List.of("2506.00001", "2506.00002"));
		this.jdbc.sql("delete from papers where id = '2506.00001'").update();
		assertThat(this.listings.of(List.of("2506.00001", "2506.00002"))).containsOnlyKeys("2506.00001", "2506.00002");
		this.nanos.addAndGet(RecentListings.CHECKED_FOR.toNanos());
		assertThat(this.listings.of(List.of("2506.00001", "2506.00002"))).containsOnlyKeys("2506.00002");
	}

	@Test
	void aChangedPaperIsReadAgainAtOnceAndTheOthersAreKept() {
		this.listings.of(List.of("2506.00001", "2506.00002"));
		retitle("2506.00001", "Renamed");
		retitle("2506.00002", "Renamed too");
		this.listings.catalogChanged(new CatalogChangedEvent("2506.00001"));
		assertThat(title("2506.00001")).isEqualTo("Renamed");
		assertThat(title("2506.00002")).isEqualTo("Second");
	}

	@Test
	void aVoteMakesThePaperBeReadAgain() {
		this.listings.of(List.of("2506.00001"));
		retitle("2506.00001", "Voted on");
		this.listings.voteChanged(new VoteChangedEvent("2506.00001", 1, Instant.EPOCH, Instant.EPOCH, 1));
		assertThat(title("2506.00001")).isEqualTo("Voted on");
	}

	@Test
	void aPaperDeletedFromTheCatalogIsNoLongerShownOnceItsChangeIsKnown() {
		this.listings.of(List.of("2506.00001"));
		CatalogTables.empty(this.jdbc, this.events);
		this.listings.catalogChanged(new CatalogChangedEvent("2506.00001"));
		assertThat(this.listings.of(List.of("2506.00001"))).isEmpty();
	}

	@Test
	void aDeletedMemberMakesEveryPaperBeReadAgain() {
		this.listings.of(List.of("2506.00001", "2506.00002"));
		retitle("2506.00001", "One");
		retitle("2506.00002", "Two");
		this.listings.memberDeleted(new MemberDeletedEvent(7, "gone@example.org"));
		assertThat(title("2506.00001")).isEqualTo("One");
		assertThat(title("2506.00002")).isEqualTo("Two");
	}

	private String title(String id) {
		return this.listings.of(List.of(id)).get(id).listing().paper().title();
	}

	private void retitle(String id, String title) {
		this.jdbc.sql("update papers set title = :title where id = :id").param("title", title).param("id", id).update();
	}

}
