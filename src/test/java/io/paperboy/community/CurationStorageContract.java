package io.paperboy.community;

import java.time.LocalDate;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What curators' marks must do on every database Paperboy supports: stored with who and when,
 * read back by the catalog, and honoured by every list it reads. Each subclass runs the same tests
 * on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class CurationStorageContract {

	private static final LocalDate FRIDAY = LocalDate.of(2025, 5, 30);

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	Curation curation;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	private Member curator;

	private Member submitter;

	@BeforeEach
	void twoDaysOfPapers() {
		this.curator = this.accounts.grant("curator@example.org", Role.CURATOR);
		this.submitter = this.accounts.loadUserByUsername("member@example.org");
		list("2505.00001", FRIDAY);
		list("2506.00001", MONDAY);
		list("2506.00002", MONDAY);
	}

	@Test
	void aFeaturedEntryReadsBackFeaturedWithWhoAndWhen() {
		this.curation.apply(this.curator, "2506.00001", CurationAction.FEATURE);

		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying((entry) -> {
			assertThat(entry.featured()).isTrue();
			assertThat(entry.hidden()).isFalse();
		});
		assertThat(this.jdbc.sql("select featured_by from daily_entries where paper_id = '2506.00001'")
			.query(Long.class)
			.single()).isEqualTo(this.curator.id());
		assertThat(this.jdbc.sql("select count(*) from daily_entries where featured_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.catalog.dailyEntries(MONDAY, MONDAY)).filteredOn(DailyEntry::featured)
			.extracting(DailyEntry::paperId)
			.containsExactly("2506.00001");
	}

	@Test
	void unfeaturingClearsTheMarkAndWhoMadeIt() {
		this.curation.apply(this.curator, "2506.00001", CurationAction.FEATURE);
		this.curation.apply(this.curator, "2506.00001", CurationAction.UNFEATURE);

		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying(
				(entry) -> assertThat(entry.featured()).isFalse());
		assertThat(this.jdbc.sql("select count(*) from daily_entries where featured_by is not null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aHiddenEntryIsLeftOutOfEveryListButStillFoundByItsPaper() {
		this.curation.apply(this.curator, "2506.00001", CurationAction.HIDE);

		assertThat(this.catalog.dailyEntries(MONDAY, MONDAY)).extracting(DailyEntry::paperId).containsExactly("2506.00002");
		assertThat(this.catalog.dailyEntries(FRIDAY, MONDAY)).extracting(DailyEntry::paperId)
			.containsExactlyInAnyOrder("2505.00001", "2506.00002");
		assertThat(this.catalog.dailyEntriesSubmittedBy(this.submitter.id())).extracting(DailyEntry::paperId)
			.containsExactlyInAnyOrder("2505.00001", "2506.00002");
		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying(
				(entry) -> assertThat(entry.hidden()).isTrue());
	}

	@Test
	void aDayWhosePapersAreAllHiddenIsNoLongerADayWithPapers() {
		this.curation.apply(this.curator, "2506.00001", CurationAction.HIDE);
		this.curation.apply(this.curator, "2506.00002", CurationAction.HIDE);

		assertThat(this.catalog.latestDay()).contains(FRIDAY);
		assertThat(this.catalog.dayAfter(FRIDAY)).isEmpty();
		assertThat(this.catalog.dayBefore(MONDAY.plusDays(1))).contains(FRIDAY);

		this.curation.apply(this.curator, "2506.00002", CurationAction.UNHIDE);
		assertThat(this.catalog.latestDay()).contains(MONDAY);
	}

	@Test
	void theMarksOutliveTheCuratorWhoMadeThem() {
		this.curation.apply(this.curator, "2506.00001", CurationAction.HIDE);

		this.jdbc.sql("delete from users where id = :id").param("id", this.curator.id()).update();

		assertThat(this.catalog.dailyEntryOf("2506.00001")).hasValueSatisfying(
				(entry) -> assertThat(entry.hidden()).isTrue());
	}

	@Test
	void aPaperOnNoListCannotBeCuratedAndAMemberCannotCurate() {
		this.catalog.savePaper(TestPapers.paper("2506.00009").build(), null);

		assertThatThrownBy(() -> this.curation.apply(this.curator, "2506.00009", CurationAction.HIDE))
			.isInstanceOf(io.paperboy.web.NotFoundException.class);
		assertThatThrownBy(() -> this.curation.apply(this.submitter, "2506.00001", CurationAction.HIDE))
			.isInstanceOf(NotCuratorException.class);
		assertThat(this.catalog.dailyEntries(MONDAY, MONDAY)).hasSize(2);
	}

	private void list(String id, LocalDate day) {
		this.catalog.savePaper(TestPapers.paper(id).build(), day);
		this.catalog.placeOnDailyList(TestPapers.entry(id, day, this.submitter.id()));
	}

}
