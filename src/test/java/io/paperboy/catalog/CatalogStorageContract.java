package io.paperboy.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperboy.account.User;
import io.paperboy.account.UserDirectory;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import io.paperboy.support.TestPapers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the catalog's storage must do on every database Paperboy supports. Each subclass runs the
 * same tests on one database.
 */
@StorageTest
@ExtendWith(EmptyCatalog.class)
abstract class CatalogStorageContract {

	private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);

	@Autowired
	Catalog catalog;

	@Autowired
	UserDirectory users;

	@Autowired
	Flyway flyway;

	@Test
	void everyMigrationIsApplied() {
		assertThat(this.flyway.info().all()).isNotEmpty()
			.allSatisfy((migration) -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
	}

	@Test
	void aSavedPaperReadsBackFieldForField() {
		Paper paper = new Paper("2401.00001", 3, "Title with $\\alpha$ and <b>tags</b>\n  wrapped",
				"Résumé — 日本語 ✓\nsecond line", Instant.parse("2024-01-01T17:59:01.123Z"),
				Instant.parse("2024-02-01T08:00:00Z"),
				List.of(new Author("Zoë Ångström", "id-1", false), new Author("B", null, true),
						new Author("A", "id-3", false), new Author("O'Brien, \"Jr.\"\n\\N", "", false,
								List.of("Dept. of \"Quotes\", Commas", ""))),
				List.of("cs.LG", "cs.AI", "stat.ML"), "12 pages", "J. Foo 1 (2024)", "10.1000/xyz", "https://github.com/a/b",
				42, "https://example.org", "A summary.", List.of("alignment", "RL"), "disc-1", 7, 2);

		assertThat(this.catalog.savePaper(paper, MONDAY)).isEqualTo(SaveOutcome.CREATED);

		assertThat(this.catalog.findPaper("2401.00001")).contains(paper);
	}

	@Test
	void savingTheSamePaperAgainChangesNothing() {
		Paper paper = TestPapers.paper("2401.00002").withUpvotes(3).build();
		this.catalog.savePaper(paper, MONDAY);

		assertThat(this.catalog.savePaper(paper, MONDAY)).isEqualTo(SaveOutcome.UNCHANGED);
	}

	@Test
	void aNewerSnapshotUpdatesAndAnOlderOneIsIgnored() {
		this.catalog.savePaper(TestPapers.paper("2401.00003").withUpvotes(3).build(), MONDAY);

		assertThat(this.catalog.savePaper(TestPapers.paper("2401.00003").withUpvotes(9).withAuthors("Only One").build(),
				MONDAY.plusDays(1)))
			.isEqualTo(SaveOutcome.UPDATED);
		assertThat(this.catalog.savePaper(TestPapers.paper("2401.00003").withUpvotes(1).build(), MONDAY))
			.isEqualTo(SaveOutcome.UNCHANGED);

		Paper stored = this.catalog.findPaper("2401.00003").orElseThrow();
		assertThat(stored.upvotes()).isEqualTo(9);
		assertThat(stored.authors()).extracting(Author::name).containsExactly("Only One");
	}

	@Test
	void aSourceWithoutArxivMetadataKeepsWhatAnotherSourceRecorded() {
		Paper fromArxiv = new Paper("2401.00005", 2, "Title", "Abstract", Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse("2024-02-01T00:00:00Z"), List.of(new Author("A", null, false)), List.of("cs.CL", "cs.AI"),
				"9 pages", "J. Foo (2024)", "10.1/foo", null, null, null, null, List.of(), null, 0, 0);
		this.catalog.savePaper(fromArxiv, MONDAY);

		Paper fromDailyList = TestPapers.paper("2401.00005").withUpvotes(12).build();
		assertThat(this.catalog.savePaper(fromDailyList, MONDAY.plusDays(1))).isEqualTo(SaveOutcome.UPDATED);

		Paper stored = this.catalog.findPaper("2401.00005").orElseThrow();
		assertThat(stored.upvotes()).isEqualTo(12);
		assertThat(stored.categories()).containsExactly("cs.CL", "cs.AI");
		assertThat(stored.comment()).isEqualTo("9 pages");
		assertThat(stored.journalRef()).isEqualTo("J. Foo (2024)");
		assertThat(stored.doi()).isEqualTo("10.1/foo");
		assertThat(stored.version()).isEqualTo(2);
		assertThat(stored.arxivUpdatedAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
		assertThat(this.catalog.savePaper(fromDailyList, MONDAY.plusDays(1))).isEqualTo(SaveOutcome.UNCHANGED);
	}

	@Test
	void anArxivRecordFillsTheCategoriesOfAPaperFromADailyListAndALaterListKeepsThem() {
		this.catalog.savePaper(TestPapers.paper("2401.00020").withUpvotes(12).withComments(3).build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00020", MONDAY));
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).containsExactly("2401.00020");

		this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00020", 1, "From arXiv")));
		this.catalog.savePaper(TestPapers.paper("2401.00020").withUpvotes(20).withComments(4).build(), MONDAY.plusDays(1));

		Paper stored = this.catalog.findPaper("2401.00020").orElseThrow();
		assertThat(stored.categories()).containsExactly("cs.CL", "cs.LG");
		assertThat(stored.importedUpvotes()).isEqualTo(20);
		assertThat(stored.importedComments()).isEqualTo(4);
		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).isEmpty();
	}

	@Test
	void listedPapersWithoutCategoriesComeMostRecentlyListedFirstUpToTheLimit() {
		for (int i = 1; i <= 3; i++) {
			String id = "2401.0003" + i;
			this.catalog.savePaper(TestPapers.paper(id).build(), MONDAY);
			this.catalog.placeOnDailyList(TestPapers.entry(id, MONDAY.plusDays(i)));
		}
		this.catalog.savePaper(TestPapers.paper("2401.00039").withCategories("cs.AI").build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00039", MONDAY.plusDays(9)));
		// not on a daily list: the arXiv sources brought it, with its categories, or will
		this.catalog.savePaper(TestPapers.paper("2401.00040").build(), MONDAY);

		assertThat(this.catalog.listedPaperIdsWithoutCategories(10)).containsExactly("2401.00033", "2401.00032",
				"2401.00031");
		assertThat(this.catalog.listedPaperIdsWithoutCategories(2)).containsExactly("2401.00033", "2401.00032");
		assertThat(this.catalog.listedPaperIdsWithoutCategories(0)).isEmpty();
	}

	@Test
	void anArxivRecordCreatesAPaperWithAffiliationsAndVersions() {
		ArxivRecord record = arxivRecord("2401.00010", 2, "From arXiv");

		assertThat(this.catalog.saveArxivRecords(List.of(record))).containsEntry("2401.00010", SaveOutcome.CREATED);

		Paper stored = this.catalog.findPaper("2401.00010").orElseThrow();
		assertThat(stored.title()).isEqualTo("From arXiv");
		assertThat(stored.version()).isEqualTo(2);
		assertThat(stored.authors()).containsExactly(Author.fromArxiv("Ada Lovelace", List.of("Analytical Engines Ltd")),
				Author.fromArxiv("Alan Turing", List.of()));
		assertThat(stored.categories()).containsExactly("cs.CL", "cs.LG");
		assertThat(this.catalog.versionsOf("2401.00010")).containsExactlyElementsOf(record.versions());
		assertThat(this.catalog.saveArxivRecords(List.of(record))).containsEntry("2401.00010", SaveOutcome.UNCHANGED);
	}

	@Test
	void arxivReplacesTheBibliographyAndKeepsWhatTheDailyListAndMembersAdded() {
		this.catalog.savePaper(TestPapers.paper("2401.00011").withTitle("Title as listed").withUpvotes(12)
			.withGithub("https://github.com/a/b", 5).build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00011", MONDAY));

		assertThat(this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00011", 1, "Title on arXiv"))))
			.containsEntry("2401.00011", SaveOutcome.UPDATED);

		Paper stored = this.catalog.findPaper("2401.00011").orElseThrow();
		assertThat(stored.title()).isEqualTo("Title on arXiv");
		assertThat(stored.upvotes()).isEqualTo(12);
		assertThat(stored.githubRepo()).isEqualTo("https://github.com/a/b");
		assertThat(this.catalog.dailyEntryOf("2401.00011")).isPresent();
	}

	@Test
	void aDailyListNoLongerChangesTheBibliographyOnceArxivDescribedThePaper() {
		this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00012", 1, "Title on arXiv")));

		assertThat(this.catalog.savePaper(TestPapers.paper("2401.00012").withTitle("Title as listed").withUpvotes(7)
			.build(), MONDAY)).isEqualTo(SaveOutcome.UPDATED);

		Paper stored = this.catalog.findPaper("2401.00012").orElseThrow();
		assertThat(stored.title()).isEqualTo("Title on arXiv");
		assertThat(stored.authors()).extracting(Author::name).containsExactly("Ada Lovelace", "Alan Turing");
		assertThat(stored.authors().get(0).affiliations()).containsExactly("Analytical Engines Ltd");
		assertThat(stored.upvotes()).isEqualTo(7);
	}

	@Test
	void aNewerVersionReplacesTheMetadataAndAnOlderOneOnlyAddsToTheHistory() {
		this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00013", 2, "Second version")));

		assertThat(this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00013", 3, "Third version"))))
			.containsEntry("2401.00013", SaveOutcome.UPDATED);
		ArxivRecord first = new ArxivRecord("2401.00013", 1, "First version", "Abstract", List.of(), List.of(),
				Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"), null, null, null, null,
				List.of(new PaperVersion(1, Instant.parse("2024-01-01T00:00:00Z"), "10kb")));
		this.catalog.saveArxivRecords(List.of(first));

		assertThat(this.catalog.findPaper("2401.00013").orElseThrow().title()).isEqualTo("Third version");
		assertThat(this.catalog.versionsOf("2401.00013")).extracting(PaperVersion::number).containsExactly(1, 2, 3);
	}

	@Test
	void recentPapersAreThosePublishedOrPlacedOnADailyListSinceAnInstant() {
		// all three published 2024-01-01T10:00Z; one of them listed on 2024-02-05 at noon
		this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00023", 1, "Listed later"),
				arxivRecord("2401.00021", 1, "Not listed"), arxivRecord("2401.00022", 1, "Not listed either")));
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00023", LocalDate.of(2024, 2, 5)));

		assertThat(this.catalog.recentPaperIds(Instant.parse("2024-01-01T10:00:00Z")))
			.containsExactly("2401.00021", "2401.00022", "2401.00023");
		assertThat(this.catalog.recentPaperIds(Instant.parse("2024-01-01T10:00:01Z"))).containsExactly("2401.00023");
		assertThat(this.catalog.recentPaperIds(Instant.parse("2024-02-05T12:00:01Z"))).isEmpty();
	}

	/**
	 * The bulk path (on PostgreSQL a binary {@code COPY} per table) keeps text byte for byte: tabs,
	 * backslashes and what {@code COPY}'s text and CSV formats would read as escapes or nulls, quotes,
	 * commas, line breaks, empty text beside null; and times to the microsecond, before 2000 too.
	 */
	@Test
	void arxivRecordsSavedTogetherReadBackCharacterForCharacter() {
		String hostile = "tab\there, back\\slash \\N \\. \"quoted\", comma\r\nnext line $\\alpha$ \u202Eevil\u202C \uD83D\uDE00";
		List<PaperVersion> versions = List.of(new PaperVersion(1, Instant.parse("1991-08-14T20:58:01.123456Z"), "\\N"),
				new PaperVersion(2, Instant.parse("2024-01-01T17:59:01Z"), ""), new PaperVersion(3, null, null));
		ArxivRecord record = new ArxivRecord("hep-th/9108001", 3, hostile, "\\N", List.of(
				Author.fromArxiv(hostile, List.of(hostile, "")), Author.fromArxiv("\\N", List.of()),
				Author.fromArxiv("\t", List.of())), List.of("hep-th", "math\\N"),
				Instant.parse("1991-08-14T20:58:01.123456Z"), Instant.parse("2024-01-02T00:00:00.999999Z"), "", hostile,
				null, "", versions);
		ArxivRecord plain = arxivRecord("2401.00030", 1, "Plain");

		assertThat(this.catalog.saveArxivRecords(List.of(record, plain))).containsOnly(
				Map.entry("hep-th/9108001", SaveOutcome.CREATED), Map.entry("2401.00030", SaveOutcome.CREATED));

		Paper stored = this.catalog.findPaper("hep-th/9108001").orElseThrow();
		assertThat(stored).isEqualTo(Paper.of(record));
		assertThat(stored.authors().get(0).affiliations()).containsExactly(hostile, "");
		assertThat(stored.comment()).isEmpty();
		assertThat(stored.doi()).isNull();
		assertThat(this.catalog.versionsOf("hep-th/9108001")).containsExactlyElementsOf(versions);
		assertThat(this.catalog.findPaper("2401.00030").orElseThrow().title()).isEqualTo("Plain");
		assertThat(this.catalog.saveArxivRecords(List.of(record, plain))).containsOnly(
				Map.entry("hep-th/9108001", SaveOutcome.UNCHANGED), Map.entry("2401.00030", SaveOutcome.UNCHANGED));
	}

	private static ArxivRecord arxivRecord(String id, int version, String title) {
		List<PaperVersion> versions = new ArrayList<>();
		for (int number = 1; number <= version; number++) {
			versions.add(new PaperVersion(number, Instant.parse("2024-01-0" + number + "T10:00:00Z"), number + "0kb"));
		}
		return new ArxivRecord(id, version, title, "An abstract.",
				List.of(Author.fromArxiv("Ada Lovelace", List.of("Analytical Engines Ltd")),
						Author.fromArxiv("Alan Turing", List.of())),
				List.of("cs.CL", "cs.LG"), Instant.parse("2024-01-01T10:00:00Z"),
				Instant.parse("2024-01-0" + version + "T10:00:00Z"), "8 pages", null, "10.1/x",
				"http://creativecommons.org/licenses/by/4.0/", versions);
	}

	@Test
	void oldStyleIdsAreStoredAsTheyAre() {
		this.catalog.savePaper(TestPapers.paper("hep-th/9901001").build(), MONDAY);

		assertThat(this.catalog.findPaper("hep-th/9901001")).isPresent();
	}

	@Test
	void aPaperStaysOnTheEarliestDayItWasListed() {
		this.catalog.savePaper(TestPapers.paper("2401.00004").build(), MONDAY);

		assertThat(this.catalog.placeOnDailyList(TestPapers.entry("2401.00004", MONDAY.plusDays(3))))
			.isEqualTo(SaveOutcome.CREATED);
		assertThat(this.catalog.placeOnDailyList(TestPapers.entry("2401.00004", MONDAY))).isEqualTo(SaveOutcome.UPDATED);
		assertThat(this.catalog.placeOnDailyList(TestPapers.entry("2401.00004", MONDAY.plusDays(3))))
			.isEqualTo(SaveOutcome.UNCHANGED);

		assertThat(this.catalog.dailyEntryOf("2401.00004")).map(DailyEntry::day).contains(MONDAY);
	}

	@Test
	void anEntryForAnUnknownPaperIsRefused() {
		assertThatThrownBy(() -> this.catalog.placeOnDailyList(TestPapers.entry("2401.09999", MONDAY)))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void daysWithPapersAreFoundOnEitherSide() {
		for (int i = 0; i < 3; i++) {
			String id = "2401.0001" + i;
			this.catalog.savePaper(TestPapers.paper(id).build(), MONDAY);
			this.catalog.placeOnDailyList(TestPapers.entry(id, MONDAY.plusDays(i * 3L)));
		}

		assertThat(this.catalog.latestDay()).contains(MONDAY.plusDays(6));
		assertThat(this.catalog.dayBefore(MONDAY.plusDays(6))).contains(MONDAY.plusDays(3));
		assertThat(this.catalog.dayBefore(MONDAY.plusDays(2))).contains(MONDAY);
		assertThat(this.catalog.dayBefore(MONDAY)).isEmpty();
		assertThat(this.catalog.dayAfter(MONDAY)).contains(MONDAY.plusDays(3));
		assertThat(this.catalog.dayAfter(MONDAY.plusDays(6))).isEmpty();
		assertThat(this.catalog.dailyEntries(MONDAY.plusDays(1), MONDAY.plusDays(6))).extracting(DailyEntry::paperId)
			.containsExactly("2401.00012", "2401.00011");
	}

	@Test
	void listingsCarryPapersEntriesAndSubmitters() {
		User ak = this.users.ensureImported("akhaliq", "AK", null, "hf-1");
		this.catalog.savePaper(TestPapers.paper("2401.00020").withUpvotes(5).build(), MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00020", MONDAY, ak.id()));

		List<PaperListing> listings = this.catalog.listings(this.catalog.dailyEntries(MONDAY, MONDAY));

		assertThat(listings).singleElement().satisfies((listing) -> {
			assertThat(listing.paper().id()).isEqualTo("2401.00020");
			assertThat(listing.entry().day()).isEqualTo(MONDAY);
			assertThat(listing.submitter()).isEqualTo(ak);
		});
		assertThat(this.catalog.dailyEntriesSubmittedBy(ak.id())).extracting(DailyEntry::paperId)
			.containsExactly("2401.00020");
	}

	@Test
	void importedUsersAreCreatedOnceAndNeverRenamed() {
		User first = this.users.ensureImported("akhaliq", "AK", "/a.png", "hf-1");
		User again = this.users.ensureImported("akhaliq", "Someone Else", "/b.png", "hf-1");

		assertThat(again).isEqualTo(first);
		assertThat(this.users.findByUsername("akhaliq")).map(User::displayName).contains("AK");
		assertThat(this.users.findAll(List.of(first.id()))).isEqualTo(Map.of(first.id(), first));
	}

	@Test
	void aUserWithoutDisplayNameIsShownByUsername() {
		assertThat(this.users.ensureImported("nobody-named", " ", null, null).displayName()).isEqualTo("nobody-named");
	}

	@Test
	void anAuthorsPapersAreFoundNewestFirstWhateverTheCaseAccentsAndSpacesOfTheName() {
		this.catalog.savePaper(TestPapers.paper("2401.00031").withAuthors("Zoë Ångström", "Alan Turing")
			.publishedAt(Instant.parse("2024-01-03T10:00:00Z")).withUpvotes(4).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00032").withAuthors("Grace Hopper", "ZOË  ÅNGSTRÖM")
			.publishedAt(Instant.parse("2024-03-01T10:00:00Z")).withUpvotes(6).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00033").withAuthors("Zoë Ångström")
			.publishedAt(Instant.parse("2024-02-01T10:00:00Z")).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00034").withAuthors("Zoe Angstromer").build(), MONDAY);

		assertThat(this.catalog.papersBy("zoe angstrom", 0, 10)).extracting((listing) -> listing.paper().id())
			.containsExactly("2401.00032", "2401.00033", "2401.00031");
		assertThat(this.catalog.findAuthor(" Zoe   Ångström ")).hasValueSatisfying((author) -> {
			assertThat(author.name()).isEqualTo("Zoë Ångström");
			assertThat(author.papers()).isEqualTo(3);
			assertThat(author.firstPublished()).isEqualTo(Instant.parse("2024-01-03T10:00:00Z"));
			assertThat(author.lastPublished()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
			assertThat(author.upvotes()).isEqualTo(10);
		});
	}

	@Test
	void anAuthorsPapersComeAPageAtATime() {
		for (int i = 1; i <= 5; i++) {
			this.catalog.savePaper(TestPapers.paper("2401.0004" + i).withAuthors("Ada Lovelace")
				.publishedAt(Instant.parse("2024-01-0" + i + "T10:00:00Z")).build(), MONDAY);
		}
		this.catalog.savePaper(TestPapers.paper("2401.00049").withAuthors("Ada Lovelace").publishedAt(null).build(),
				MONDAY);

		assertThat(this.catalog.papersBy("Ada Lovelace", 0, 2)).extracting((listing) -> listing.paper().id())
			.containsExactly("2401.00045", "2401.00044");
		assertThat(this.catalog.papersBy("Ada Lovelace", 4, 2)).extracting((listing) -> listing.paper().id())
			.as("a paper without a date comes last")
			.containsExactly("2401.00041", "2401.00049");
		assertThat(this.catalog.papersBy("Ada Lovelace", 6, 2)).isEmpty();
		assertThat(this.catalog.findAuthor("Ada Lovelace")).map(AuthorSummary::papers).contains(6L);
	}

	@Test
	void aWindowHoldsThePapersListedOrPublishedInItMostRecentFirst() {
		this.catalog.savePaper(TestPapers.paper("2401.00061").publishedAt(Instant.parse("2025-05-01T10:00:00Z")).build(),
				MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00061", MONDAY));
		this.catalog.savePaper(TestPapers.paper("2401.00062").publishedAt(Instant.parse("2025-06-01T23:00:00Z")).build(),
				MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00063").publishedAt(Instant.parse("2025-06-03T00:00:00Z")).build(),
				MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00064").publishedAt(Instant.parse("2025-05-31T23:59:59Z")).build(),
				MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00065").publishedAt(Instant.parse("2025-06-02T08:00:00Z")).build(),
				MONDAY);
		this.catalog.placeOnDailyList(TestPapers.entry("2401.00065", MONDAY));
		this.catalog.markHidden("2401.00065", null, Instant.parse("2025-06-02T13:00:00Z"));

		assertThat(this.catalog.paperIdsInWindow(LocalDate.of(2025, 6, 1), MONDAY, 10))
			.as("listed on Monday, published on Sunday; not published before or after, not hidden by a curator")
			.containsExactly("2401.00061", "2401.00062");
		assertThat(this.catalog.paperIdsInWindow(LocalDate.of(2025, 6, 1), MONDAY, 1)).containsExactly("2401.00061");
		assertThat(this.catalog.paperIdsInWindow(MONDAY, LocalDate.of(2025, 6, 1), 10)).isEmpty();
	}

	@Test
	void papersInPickedCategoriesComeMostUpvotedFirstThenInTheOrderGiven() {
		this.catalog.savePaper(TestPapers.paper("2401.00081").withCategories("cs.LG", "cs.CL").withUpvotes(3).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00082").withCategories("cs.CL").withUpvotes(9).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00083").withCategories("hep-th").withUpvotes(50).build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00084").withCategories("cs.CL").withUpvotes(3).build(), MONDAY);

		assertThat(this.catalog.papersInCategories(List.of("2401.00084", "2401.00083", "2401.00082", "2401.00081"),
				List.of("cs.CL", "cs.LG")))
			.as("2401.00081 is in cs.LG first; 2401.00084 and 2401.00081 tie on upvotes and keep the order given")
			.containsExactly(java.util.Map.entry("2401.00082", "cs.CL"), java.util.Map.entry("2401.00084", "cs.CL"),
					java.util.Map.entry("2401.00081", "cs.LG"));
		assertThat(this.catalog.papersInCategories(List.of("2401.00083"), List.of("cs.CL"))).isEmpty();
		assertThat(this.catalog.papersInCategories(List.of(), List.of("cs.CL"))).isEmpty();
		assertThat(this.catalog.papersInCategories(List.of("2401.00082"), List.of())).isEmpty();
	}

	@Test
	void papersByFollowedAuthorsAreFoundByTheirNameKeys() {
		this.catalog.savePaper(TestPapers.paper("2401.00071").withAuthors("Grace Hopper", "Zoë Ångström").build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00072").withAuthors("Alan Turing").build(), MONDAY);
		this.catalog.savePaper(TestPapers.paper("2401.00073").withAuthors("Zoe Angstrom").build(), MONDAY);

		assertThat(this.catalog.papersByAuthorKeys(List.of("2401.00071", "2401.00072", "2401.00073"),
				List.of(Author.nameKey("Zoë Ångström"), Author.nameKey("Barbara Liskov"))))
			.containsExactly(java.util.Map.entry("2401.00071", "Zoë Ångström"), java.util.Map.entry("2401.00073", "Zoe Angstrom"));
		assertThat(this.catalog.papersByAuthorKeys(List.of("2401.00072"), List.of(Author.nameKey("Zoë Ångström")))).isEmpty();
		assertThat(this.catalog.papersByAuthorKeys(List.of(), List.of("zoe angstrom"))).isEmpty();
		assertThat(this.catalog.papersByAuthorKeys(List.of("2401.00071"), List.of())).isEmpty();
	}

	@Test
	void anAuthorNoPaperNamesIsNotFound() {
		this.catalog.savePaper(TestPapers.paper("2401.00051").withAuthors("Ada Lovelace").build(), MONDAY);

		assertThat(this.catalog.findAuthor("Ada")).isEmpty();
		assertThat(this.catalog.findAuthor("  ")).isEmpty();
		assertThat(this.catalog.papersBy("Ada", 0, 10)).isEmpty();
		assertThat(this.catalog.papersBy("", 0, 10)).isEmpty();
	}

	@Test
	void aPaperWhoseAuthorsChangeLeavesTheOldAuthorsPage() {
		this.catalog.savePaper(TestPapers.paper("2401.00061").withAuthors("Ada Lovelace").build(), MONDAY);
		this.catalog.saveArxivRecords(List.of(arxivRecord("2401.00062", 1, "Kept")));
		this.catalog.saveArxivRecords(List.of(new ArxivRecord("2401.00062", 2, "Rewritten", "An abstract.",
				List.of(Author.fromArxiv("Charles Babbage", List.of())), List.of("cs.CL"),
				Instant.parse("2024-01-01T10:00:00Z"), Instant.parse("2024-01-02T10:00:00Z"), null, null, null, null,
				List.of())));
		this.catalog.savePaper(TestPapers.paper("2401.00061").withAuthors("Alan Turing").build(), MONDAY.plusDays(1));

		assertThat(this.catalog.findAuthor("Ada Lovelace")).isEmpty();
		assertThat(this.catalog.papersBy("Alan Turing", 0, 10)).extracting((listing) -> listing.paper().id())
			.containsExactly("2401.00061");
		assertThat(this.catalog.papersBy("Charles Babbage", 0, 10)).extracting((listing) -> listing.paper().id())
			.containsExactly("2401.00062");
	}

}
