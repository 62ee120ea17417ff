package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.feed.FeedService;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@StorageTest
@ExtendWith(EmptyCatalog.class)
class DailyPapersImporterTests {

	private static final LocalDate JUNE_3 = LocalDate.of(2024, 6, 3);

	private static final LocalDate JUNE_4 = LocalDate.of(2024, 6, 4);

	private static final LocalDate JUNE_5 = LocalDate.of(2024, 6, 5);

	@Autowired
	private DailyPapersImporter importer;

	@Autowired
	private Catalog catalog;

	@Autowired
	private FeedService feed;

	@Autowired
	private JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void importingAFolderOfDaysCreatesTheirPapersEntriesAndSubmitters() throws IOException {
		day(JUNE_3, entry("2406.10001", 5, null), entry("2406.10002", 9, "rng"));
		day(JUNE_4, entry("2406.10003", 2, "rng"));
		day(LocalDate.of(2025, 1, 15), entry("2501.10004", 1, "xlin"), entry("2501.10005", 0, null));
		ImportReport report = importFolder();
		assertThat(report.rejections()).isEmpty();
		assertThat(report.hasRejections()).isFalse();
		assertThat(report.filesRead()).isEqualTo(3);
		assertThat(report.papersCreated()).isEqualTo(5);
		assertThat(report.papersUpdated()).isZero();
		assertThat(report.papersUnchanged()).isZero();
		assertThat(report.entriesCreated()).isEqualTo(5);
		assertThat(report.entriesUpdated()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(5);
		assertThat(CatalogTables.count(this.jdbc, "users")).isEqualTo(2);
		assertThat(this.catalog.findPaper("2406.10002")).get()
			.satisfies((paper) -> assertThat(paper.title()).isEqualTo("Paper 2406.10002"))
			.satisfies((paper) -> assertThat(paper.upvotes()).isEqualTo(9));
		assertThat(this.feed.day(JUNE_3).listings()).extracting((listing) -> listing.paper().id())
			.containsExactly("2406.10002", "2406.10001");
		assertThat(this.feed.submittedBy("rng")).extracting((listing) -> listing.paper().id())
			.containsExactlyInAnyOrder("2406.10002", "2406.10003");
	}

	@Test
	void importingTheSameFolderAgainChangesNothing() throws IOException {
		day(JUNE_3, entry("2406.10001", 5, null), entry("2406.10002", 9, "rng"));
		day(JUNE_4, entry("2406.10003", 2, "rng"));
		importFolder();
		ImportReport again = importFolder();
		assertThat(again.rejections()).isEmpty();
		assertThat(again.filesRead()).isEqualTo(2);
		assertThat(again.papersCreated()).isZero();
		assertThat(again.papersUpdated()).isZero();
		assertThat(again.papersUnchanged()).isEqualTo(3);
		assertThat(again.entriesCreated()).isZero();
		assertThat(again.entriesUpdated()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(3);
		assertThat(CatalogTables.count(this.jdbc, "users")).isEqualTo(1);
	}

	@Test
	void malformedFileIsRejectedWithItsNameAndJsonPathWhileTheOthersLoad() throws IOException {
		day(JUNE_3, entry("2406.10001", 5, null));
		Path bad = day(JUNE_4, entry("2406.10002", 5, null), """
				{"paper": {"id": "2406.10003", "authors": [], "title": "T", "summary": "S", "upvotes": "12"}}
				""");
		day(JUNE_5, entry("2406.10004", 5, null));
		ImportReport report = importFolder();
		assertThat(report.filesRead()).isEqualTo(3);
		assertThat(report.hasRejections()).isTrue();
		assertThat(report.rejections()).containsExactly(new ImportReport.Rejection(bad,
				"$[1].paper.upvotes: expected an integer but found a string"));
		assertThat(report.papersCreated()).isEqualTo(2);
		assertThat(this.catalog.findPaper("2406.10001")).isPresent();
		assertThat(this.catalog.findPaper("2406.10002")).isEmpty();
		assertThat(this.catalog.findPaper("2406.10004")).isPresent();
	}

	@Test
	void linksThatAreNotHttpAndSubmittersWhoseNamesAreNoUsernamesAreDroppedAndReportedWhileThePapersLoad()
			throws IOException {
		Path hostile = day(JUNE_3, """
				{"paper": {"id": "2406.20001", "authors": [], "title": "Links", "summary": "S", "upvotes": 1,
				           "githubRepo": "javascript:alert(document.cookie)", "projectPage": " https://project.example.org/ ",
				           "submittedOnDailyBy": {"user": "../../admin", "fullname": "Intruder"}},
				 "thumbnail": "JavaScript:alert(1)",
				 "mediaUrls": ["https://cdn.example.org/clip.mp4", "data:text/html,<script>alert(1)</script>"]}
				""", """
				{"paper": {"id": "2406.20002", "authors": [], "title": "Avatar", "summary": "S", "upvotes": 1,
				           "projectPage": "//evil.example.org/x"},
				 "thumbnail": "https://cdn.example.org/thumb.png",
				 "submittedBy": {"name": "kept", "fullname": "Kept", "avatarUrl": "javascript:alert(2)"}}
				""", """
				{"paper": {"id": "2406.20003", "authors": [], "title": "Reserved", "summary": "S", "upvotes": 1},
				 "submittedBy": {"name": "admin", "avatarUrl": "/avatars/admin.svg"}}
				""");

		ImportReport report = importFolder();

		assertThat(report.rejections()).isEmpty();
		assertThat(report.papersCreated()).isEqualTo(3);
		assertThat(report.dropped()).extracting(ImportReport.Rejection::reason).containsExactly(
				"$[0].paper.githubRepo: \"javascript:alert(document.cookie)\" is not an http or https link; dropped",
				"$[0].mediaUrls[1]: \"data:text/html,<script>alert(1)</script>\" is not an http or https link; dropped",
				"$[0].thumbnail: \"JavaScript:alert(1)\" is not an http or https link; dropped",
				"$[0].paper.submittedOnDailyBy.user: \"../../admin\" is not a username Paperboy accepts; the paper is kept without its submitter",
				"$[1].paper.projectPage: \"//evil.example.org/x\" is not an http or https link; dropped",
				"$[1].submittedBy.avatarUrl: \"javascript:alert(2)\" is not an http or https link or a path; dropped",
				"$[2].submittedBy.name: \"admin\" is not a username Paperboy accepts; the paper is kept without its submitter");
		assertThat(report.dropped()).extracting(ImportReport.Rejection::file).containsOnly(hostile);
		assertThat(report.summary()).contains("Values dropped:         7");
		assertThat(this.catalog.findPaper("2406.20001")).get().satisfies((paper) -> {
			assertThat(paper.githubRepo()).isNull();
			assertThat(paper.projectPage()).isEqualTo("https://project.example.org/");
		});
		assertThat(this.catalog.findPaper("2406.20002")).get().satisfies((paper) -> assertThat(paper.projectPage()).isNull());
		assertThat(this.jdbc.sql("select thumbnail from daily_entries where paper_id = '2406.20001'").query(String.class).optional())
			.isEmpty();
		assertThat(this.jdbc.sql("select thumbnail from daily_entries where paper_id = '2406.20002'").query(String.class).single())
			.isEqualTo("https://cdn.example.org/thumb.png");
		assertThat(this.jdbc.sql("select media_urls from daily_entries where paper_id = '2406.20001'")
			.query(String.class).single()).contains("https://cdn.example.org/clip.mp4").doesNotContain("data:");
		assertThat(this.jdbc.sql("select username from users order by username").query(String.class).list())
			.containsExactly("kept");
		assertThat(this.jdbc.sql("select avatar_url from users").query(String.class).optional()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from daily_entries where submitter_id is null").query(Integer.class).single())
			.isEqualTo(2);
	}

	@Test
	void unreadableFileIsRejectedWhileTheOthersLoad() throws IOException {
		day(JUNE_3, entry("2406.10001", 5, null));
		Path missing = this.folder.resolve("2024-06-04.json");
		ImportReport report = this.importer.importFiles(List.of(this.folder.resolve("2024-06-03.json"), missing),
				(file) -> {
				});
		assertThat(report.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.file()).isEqualTo(missing);
			assertThat(rejection.reason()).startsWith("cannot be read: ").contains("2024-06-04.json");
		});
		assertThat(this.catalog.findPaper("2406.10001")).isPresent();
	}

	@Test
	void paperOfferedForALaterDayStaysOnTheEarlierOne() throws IOException {
		Path first = day(JUNE_3, entry("2406.10001", 5, null));
		Path second = day(JUNE_5, entry("2406.10001", 8, null), entry("2406.10002", 1, null));
		ImportReport report = importFiles(first, second);
		assertThat(report.entriesCreated()).isEqualTo(2);
		assertThat(report.entriesUpdated()).isZero();
		assertThat(this.catalog.dailyEntryOf("2406.10001")).get().satisfies((entry) -> assertThat(entry.day()).isEqualTo(JUNE_3));
		assertThat(this.feed.day(JUNE_5).listings()).extracting((listing) -> listing.paper().id())
			.containsExactly("2406.10002");
	}

	@Test
	void paperOfferedForAnEarlierDayMovesToIt() throws IOException {
		Path first = day(JUNE_3, entry("2406.10001", 5, null));
		Path second = day(JUNE_5, entry("2406.10001", 8, null), entry("2406.10002", 1, null));
		ImportReport laterFirst = importFiles(second);
		assertThat(this.feed.day(JUNE_5).listings()).hasSize(2);
		ImportReport earlierSecond = importFiles(first);
		assertThat(laterFirst.entriesCreated()).isEqualTo(2);
		assertThat(earlierSecond.entriesCreated()).isZero();
		assertThat(earlierSecond.entriesUpdated()).isEqualTo(1);
		assertThat(this.catalog.dailyEntryOf("2406.10001")).get().satisfies((entry) -> {
			assertThat(entry.day()).isEqualTo(JUNE_3);
			assertThat(entry.submittedAt()).isEqualTo(JUNE_3.atStartOfDay().toInstant(ZoneOffset.UTC));
		});
		assertThat(this.feed.day(JUNE_5).listings()).extracting((listing) -> listing.paper().id())
			.containsExactly("2406.10002");
		assertThat(this.feed.day(JUNE_3).listings()).extracting((listing) -> listing.paper().id())
			.containsExactly("2406.10001");
	}

	@Test
	void olderSnapshotDoesNotOverwriteANewerOne() throws IOException {
		Path older = day(JUNE_3, entry("2406.10001", 5, null));
		Path newer = day(JUNE_5, entry("2406.10001", 30, null));
		importFiles(newer);
		ImportReport report = importFiles(older);
		assertThat(report.papersUpdated()).isZero();
		assertThat(report.papersUnchanged()).isEqualTo(1);
		assertThat(this.catalog.findPaper("2406.10001")).map(Paper::upvotes).contains(30);
	}

	@Test
	void newerSnapshotOverwritesAnOlderOne() throws IOException {
		Path older = day(JUNE_3, entry("2406.10001", 5, null));
		Path newer = day(JUNE_5, entry("2406.10001", 30, null));
		importFiles(older);
		ImportReport report = importFiles(newer);
		assertThat(report.papersUpdated()).isEqualTo(1);
		assertThat(this.catalog.findPaper("2406.10001")).map(Paper::upvotes).contains(30);
	}

	@Test
	void fileTheDatabaseRefusesIsRejectedWholeWhileTheOthersLoad() throws IOException {
		day(JUNE_3, entry("2406.10001", 5, null));
		Path refused = day(JUNE_4, entry("2406.10002", 5, "newcomer"), """
				{"paper": {"id": "2406.10003", "authors": [], "title": "T", "summary": "S",
				           "githubRepo": "https://github.com/%s"}}
				""".formatted("x".repeat(1000)));
		day(JUNE_5, entry("2406.10004", 5, "newcomer"));
		ImportReport report = importFolder();
		assertThat(report.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.file()).isEqualTo(refused);
			assertThat(rejection.reason()).startsWith("the database refused it: ");
		});
		assertThat(report.papersCreated()).isEqualTo(2);
		assertThat(this.catalog.findPaper("2406.10002")).isEmpty();
		assertThat(this.catalog.findPaper("2406.10003")).isEmpty();
		assertThat(this.catalog.dailyEntryOf("2406.10002")).isEmpty();
		assertThat(this.catalog.findPaper("2406.10001")).isPresent();
		// the submitter first seen in the refused file was rolled back with it, and is stored again
		assertThat(this.feed.submittedBy("newcomer")).extracting((listing) -> listing.paper().id())
			.containsExactly("2406.10004");
	}

	@Test
	void progressIsReportedAfterEveryFileRejectedOrNot() throws IOException {
		Path good = day(JUNE_3, entry("2406.10001", 5, null));
		Path bad = write("2024-06-04.json", "{}");
		List<Path> reported = new ArrayList<>();
		this.importer.importFiles(List.of(good, bad), reported::add);
		assertThat(reported).containsExactly(good, bad);
	}

	@Test
	void foldersExpandToTheirJsonFilesInNameOrderAndFilesAreKeptAsGiven() throws IOException {
		Path nested = Files.createDirectories(this.folder.resolve("2024"));
		Path june4 = Files.writeString(nested.resolve("2024-06-04.json"), "[]");
		Path june3 = Files.writeString(nested.resolve("2024-06-03.json"), "[]");
		Files.writeString(nested.resolve("notes.txt"), "not a list");
		Files.createDirectories(nested.resolve("empty.json"));
		Path given = Files.writeString(this.folder.resolve("extra.txt"), "[]");
		assertThat(DailyPapersImporter.expand(List.of(given, this.folder))).containsExactly(given, june3, june4);
	}

	private ImportReport importFolder() {
		return importFiles(DailyPapersImporter.expand(List.of(this.folder)).toArray(Path[]::new));
	}

	private ImportReport importFiles(Path... files) {
		return this.importer.importFiles(List.of(files), (file) -> {
		});
	}

	private Path day(LocalDate day, String... entries) throws IOException {
		return write(day + ".json", "[" + String.join(",\n", entries) + "]");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

	/** An entry in the format of 2025, submitted by {@code submitter} or by no one. */
	private static String entry(String id, int upvotes, String submitter) {
		String submittedBy = (submitter != null) ? """
				, "submittedBy": {"name": "%s", "fullname": "Member %1$s", "avatarUrl": "/avatars/%1$s.svg"}
				""".formatted(submitter) : "";
		return """
				{"paper": {"id": "%s", "authors": [{"_id": "a-%1$s", "name": "Ada Lovelace", "hidden": false}],
				           "publishedAt": "2024-05-31T17:00:00.000Z", "title": "Paper %1$s", "summary": "About %1$s.",
				           "upvotes": %d},
				 "numComments": 0%s}
				""".formatted(id, upvotes, submittedBy);
	}

}
