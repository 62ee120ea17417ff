package io.paperboy.foryou;

import java.time.LocalDate;
import java.util.List;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.catalog.Catalog;
import io.paperboy.library.Library;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestMembers;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "For you" feed over the catalog's and the library's queries on one database: the window, the
 * papers of followed authors, the categories a member picked, "not interested"; none of it waits for
 * the papers to be embedded. Each subclass runs the same tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class ForYouStorageContract {

	private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);

	private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

	@Autowired
	ForYou forYou;

	@Autowired
	Catalog catalog;

	@Autowired
	Library library;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void fivePapersOfTwoDays() {
		listed(TestPapers.paper("2506.00001").withCategories("cs.CL").withUpvotes(2), JUNE_1);
		listed(TestPapers.paper("2506.00002").withCategories("cs.LG", "cs.CL").withUpvotes(7), JUNE_1);
		listed(TestPapers.paper("2506.00003").withCategories("cs.CV").withUpvotes(40), JUNE_2);
		listed(TestPapers.paper("2506.00004").withCategories("cs.CL").withAuthors("Grace Hopper"), JUNE_2);
		listed(TestPapers.paper("2506.00005").withCategories("cs.CL").withUpvotes(90), JUNE_2);
	}

	private void listed(TestPapers paper, LocalDate day) {
		this.catalog.savePaper(paper.build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(paper.build().id(), day));
	}

	@Test
	void aColdStartByCategoriesShowsFollowedAuthorsThenThePickedCategoriesMostUpvotedFirstThenTheRest() {
		Member member = TestMembers.create(this.accounts);
		this.library.follow(member.id(), "Grace Hopper", true);
		this.library.pickCategories(member.id(), List.of("cs.CL"));
		this.library.notInterested(member.id(), "2506.00005", true);

		ForYou.Feed feed = this.forYou.feed(member.id(), this.forYou.window("2025-06-01", "2025-06-02", null));

		assertThat(feed.coldStart()).isFalse();
		assertThat(feed.items()).containsExactly(new ForYou.Item("2506.00004", "By Grace Hopper, whom you follow"),
				new ForYou.Item("2506.00002", "In cs.CL, which you picked"),
				new ForYou.Item("2506.00001", "In cs.CL, which you picked"),
				new ForYou.Item("2506.00003", ForYou.RECENT));
	}

	@Test
	void withoutAnySignalTheWindowIsShownMostRecentFirstAsAColdStart() {
		Member member = TestMembers.create(this.accounts);

		ForYou.Feed feed = this.forYou.feed(member.id(), this.forYou.window("2025-06-01", "2025-06-02", "3"));

		assertThat(feed.coldStart()).isTrue();
		assertThat(feed.items()).extracting(ForYou.Item::paperId).hasSize(3).doesNotHaveDuplicates();
		assertThat(feed.items()).extracting(ForYou.Item::paperId).doesNotContain("2506.00001", "2506.00002");
	}

	@Test
	void aSavedPaperEndsTheColdStartAndLeavesTheFeed() {
		Member member = TestMembers.create(this.accounts);
		this.library.pickCategories(member.id(), List.of("cs.LG"));
		this.library.save(member.id(), "2506.00001", true);

		ForYou.Feed feed = this.forYou.feed(member.id(), this.forYou.window("2025-06-01", "2025-06-02", null));

		assertThat(feed.coldStart()).isFalse();
		assertThat(feed.items()).extracting(ForYou.Item::paperId)
			.containsExactlyInAnyOrder("2506.00002", "2506.00003", "2506.00004", "2506.00005");
	}

}
