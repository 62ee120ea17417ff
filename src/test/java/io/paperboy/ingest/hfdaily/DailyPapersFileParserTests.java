package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.paperboy.catalog.Author;
import io.paperboy.catalog.DailyEntry;
import io.paperboy.catalog.Paper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DailyPapersFileParserTests {

	private static final LocalDate JUNE_3 = LocalDate.of(2024, 6, 3);

	/** The smallest entry the parser accepts, as in the files of mid-2024. */
	private static final String MINIMAL_2024_ENTRY = """
			{
			  "paper": {
			    "id": "2406.00001",
			    "authors": [{"_id": "a-1", "name": "Ada Lovelace", "hidden": false}],
			    "publishedAt": "2024-05-31T17:59:00.000Z",
			    "title": "Engines of Analysis",
			    "summary": "We analyse engines.",
			    "upvotes": 7
			  },
			  "publishedAt": "2024-06-03T03:44:01.558Z",
			  "title": "Engines of Analysis",
			  "mediaUrl": "https://example.org/thumbnails/2406.00001.png",
			  "numComments": 0
			}
			""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final DailyPapersFileParser parser = new DailyPapersFileParser(this.json);

	@TempDir
	Path folder;

	@Test
	void recentEntryIsReadWithEveryField() throws Exception {
		DailyPapersFile file = parse("2026-05-29.json", """
				[
				  {
				    "paper": {
				      "id": "2605.01234",
				      "authors": [
				        {"_id": "a-1", "name": "Grace Hopper", "hidden": false, "status": "claimed_verified",
				         "user": {"user": "ghopper", "fullname": "Grace Hopper"}},
				        {"_id": "a-2", "name": "Edsger Dijkstra", "hidden": true}
				      ],
				      "publishedAt": "2026-05-27T17:59:58.000Z",
				      "submittedOnDailyAt": "2026-05-29T04:12:00.000Z",
				      "title": "Compilers for\\n  Everyone",
				      "summary": "We show that $\\\\alpha$ compilers\\nare  fine &amp; fast.",
				      "upvotes": 42,
				      "discussionId": "d-1",
				      "githubRepo": "https://github.com/example/compilers",
				      "githubStars": 17,
				      "projectPage": "https://example.org/compilers",
				      "ai_summary": "Compilers are fine.",
				      "ai_keywords": ["compilers", "alpha"],
				      "organization": {"_id": "o-1", "name": "example-lab"},
				      "submittedOnDailyBy": {"_id": "u-1", "avatarUrl": "/avatars/g.svg", "fullname": "Grace Hopper",
				                             "user": "ghopper", "name": "ghopper", "type": "user"}
				    },
				    "publishedAt": "2026-05-27T20:00:00.000Z",
				    "title": "Compilers for\\n  Everyone",
				    "summary": "We show that compilers are fine.",
				    "thumbnail": "https://example.org/thumbnails/2605.01234.png",
				    "numComments": 3,
				    "submittedBy": {"_id": "u-1", "avatarUrl": "/avatars/g.svg", "fullname": "Grace Hopper",
				                    "name": "ghopper", "type": "user", "isPro": false},
				    "mediaUrls": ["https://example.org/a.mp4", "https://example.org/b.png"],
				    "isAuthorParticipating": true,
				    "organization": {"_id": "o-1", "name": "example-lab", "fullname": "Example Lab"}
				  }
				]
				""");
		assertThat(file.day()).isEqualTo(LocalDate.of(2026, 5, 29));
		assertThat(file.entries()).hasSize(1);
		DailyPapersFile.Entry entry = file.entries().get(0);
		assertThat(entry.paper()).isEqualTo(new Paper("2605.01234", null, "Compilers for\n  Everyone",
				"We show that $\\alpha$ compilers\nare  fine &amp; fast.", Instant.parse("2026-05-27T17:59:58Z"), null,
				List.of(new Author("Grace Hopper", "a-1", false), new Author("Edsger Dijkstra", "a-2", true)),
				List.of(), null, null, null, "https://github.com/example/compilers", 17,
				"https://example.org/compilers", "Compilers are fine.", List.of("compilers", "alpha"), "d-1", 42, 3));
		DailyEntry placement = entry.placement();
		assertThat(placement.paperId()).isEqualTo("2605.01234");
		assertThat(placement.day()).isEqualTo(LocalDate.of(2026, 5, 29));
		assertThat(placement.submittedAt()).isEqualTo(Instant.parse("2026-05-29T04:12:00Z"));
		assertThat(placement.submitterId()).isNull();
		assertThat(placement.thumbnail()).isEqualTo("https://example.org/thumbnails/2605.01234.png");
		assertThat(placement.mediaUrls()).containsExactly("https://example.org/a.mp4", "https://example.org/b.png");
		assertThat(placement.authorParticipating()).isTrue();
		assertThat(this.json.readTree(placement.organization())).isEqualTo(
				this.json.readTree("{\"_id\": \"o-1\", \"name\": \"example-lab\", \"fullname\": \"Example Lab\"}"));
		assertThat(entry.submitter())
			.isEqualTo(new DailyPapersFile.Submitter("ghopper", "Grace Hopper", "/avatars/g.svg", "u-1"));
	}

	@Test
	void entryOfMid2024WithoutSubmitterIsReadWithItsSingularMediaUrl() throws Exception {
		DailyPapersFile file = parse("2024-06-03.json", "[" + MINIMAL_2024_ENTRY + "]");
		DailyPapersFile.Entry entry = file.entries().get(0);
		assertThat(entry.submitter()).isNull();
		assertThat(entry.placement().mediaUrls()).containsExactly("https://example.org/thumbnails/2406.00001.png");
		assertThat(entry.placement().thumbnail()).isNull();
		assertThat(entry.placement().authorParticipating()).isNull();
		assertThat(entry.placement().organization()).isNull();
		assertThat(entry.paper().authors()).containsExactly(new Author("Ada Lovelace", "a-1", false));
		assertThat(entry.paper().importedUpvotes()).isEqualTo(7);
	}

	@Test
	void entryWithoutSubmittedOnDailyAtIsDatedAtTheStartOfTheFilesDay() throws Exception {
		DailyPapersFile file = parse("2024-06-03.json", "[" + MINIMAL_2024_ENTRY + "]");
		assertThat(file.day()).isEqualTo(JUNE_3);
		assertThat(file.entries().get(0).placement().day()).isEqualTo(JUNE_3);
		assertThat(file.entries().get(0).placement().submittedAt()).isEqualTo(Instant.parse("2024-06-03T00:00:00Z"));
	}

	@Test
	void absentAiFieldsAndGithubStarsLeaveThePaperWithoutThem() throws Exception {
		Paper paper = parse("2024-06-03.json", "[" + MINIMAL_2024_ENTRY + "]").entries().get(0).paper();
		assertThat(paper.aiKeywords()).isEmpty();
		assertThat(paper.aiSummary()).isNull();
		assertThat(paper.githubStars()).isNull();
		assertThat(paper.githubRepo()).isNull();
		assertThat(paper.projectPage()).isNull();
		assertThat(paper.discussionId()).isNull();
		assertThat(paper.version()).isNull();
		assertThat(paper.categories()).isEmpty();
	}

	@Test
	void explicitNullsAreReadAsAbsentFields() throws Exception {
		DailyPapersFile.Entry entry = parse("2025-01-15.json", """
				[{
				  "paper": {"id": "2501.00002", "authors": [], "title": "T", "summary": "S", "upvotes": null,
				            "publishedAt": null, "githubRepo": null, "githubStars": null, "ai_keywords": null,
				            "ai_summary": null, "submittedOnDailyBy": null, "submittedOnDailyAt": null},
				  "numComments": null, "organization": null, "mediaUrls": null, "submittedBy": null,
				  "isAuthorParticipating": null, "thumbnail": null
				}]
				""").entries().get(0);
		assertThat(entry.paper().importedUpvotes()).isZero();
		assertThat(entry.paper().importedComments()).isZero();
		assertThat(entry.paper().publishedAt()).isNull();
		assertThat(entry.paper().githubStars()).isNull();
		assertThat(entry.paper().aiKeywords()).isEmpty();
		assertThat(entry.placement().organization()).isNull();
		assertThat(entry.placement().mediaUrls()).isEmpty();
		assertThat(entry.submitter()).isNull();
	}

	@Test
	void submitterUnderSubmittedOnDailyByIsNamedByUser() throws Exception {
		DailyPapersFile.Entry entry = parse("2025-03-17.json", """
				[{
				  "paper": {"id": "2503.00003", "authors": [], "title": "T", "summary": "S", "upvotes": 1,
				            "submittedOnDailyBy": {"_id": "u-7", "avatarUrl": "/avatars/x.svg", "fullname": "Xia Lin",
				                                   "user": "xlin", "type": "user"}},
				  "numComments": 0
				}]
				""").entries().get(0);
		assertThat(entry.submitter()).isEqualTo(new DailyPapersFile.Submitter("xlin", "Xia Lin", "/avatars/x.svg", "u-7"));
	}

	@Test
	void submitterUnderSubmittedByIsNamedByName() throws Exception {
		DailyPapersFile.Entry entry = parse("2025-01-15.json", """
				[{
				  "paper": {"id": "2501.00004", "authors": [], "title": "T", "summary": "S", "upvotes": 1},
				  "numComments": 0,
				  "submittedBy": {"avatarUrl": "/avatars/r.svg", "fullname": "Ruth Ng", "name": "rng", "type": "user",
				                  "isPro": false, "isHf": false, "isMod": false}
				}]
				""").entries().get(0);
		assertThat(entry.submitter()).isEqualTo(new DailyPapersFile.Submitter("rng", "Ruth Ng", "/avatars/r.svg", null));
	}

	@Test
	void mediaUrlsOfThePaperServeWhenTheEntryHasNone() throws Exception {
		DailyPapersFile.Entry entry = parse("2025-06-02.json", """
				[{
				  "paper": {"id": "2506.00005", "authors": [], "title": "T", "summary": "S", "upvotes": 1,
				            "mediaUrls": ["https://example.org/demo.gif"]},
				  "numComments": 0
				}]
				""").entries().get(0);
		assertThat(entry.placement().mediaUrls()).containsExactly("https://example.org/demo.gif");
	}

	@Test
	void idWithVersionIsStoredCanonicallyWithTheVersionBesideIt() throws Exception {
		DailyPapersFile.Entry entry = parse("2025-06-02.json", """
				[{"paper": {"id": "2506.00006v3", "authors": [], "title": "T", "summary": "S"}}]
				""").entries().get(0);
		assertThat(entry.paper().id()).isEqualTo("2506.00006");
		assertThat(entry.paper().version()).isEqualTo(3);
		assertThat(entry.placement().paperId()).isEqualTo("2506.00006");
	}

	@Test
	void entriesKeepTheirOrderAndEachItsOwnSubmissionTime() throws Exception {
		DailyPapersFile file = parse("2026-05-29.json", """
				[
				  {"paper": {"id": "2605.00003", "authors": [], "title": "C", "summary": "S",
				             "submittedOnDailyAt": "2026-05-29T09:00:00.000Z"}},
				  {"paper": {"id": "2605.00001", "authors": [], "title": "A", "summary": "S"}},
				  {"paper": {"id": "2605.00002", "authors": [], "title": "B", "summary": "S",
				             "submittedOnDailyAt": "2026-05-29T01:30:00.000+02:00"}}
				]
				""");
		assertThat(file.entries()).extracting((entry) -> entry.paper().id())
			.containsExactly("2605.00003", "2605.00001", "2605.00002");
		assertThat(file.entries()).extracting((entry) -> entry.placement().submittedAt())
			.containsExactly(Instant.parse("2026-05-29T09:00:00Z"), Instant.parse("2026-05-29T00:00:00Z"),
					Instant.parse("2026-05-28T23:30:00Z"));
		assertThat(file.entries()).extracting((entry) -> entry.placement().day())
			.containsOnly(LocalDate.of(2026, 5, 29));
	}

	@Test
	void dayInTheFileNameWinsOverTheSubmissionTimes() throws Exception {
		DailyPapersFile file = parse("2026-05-29.json", """
				[{"paper": {"id": "2605.00001", "authors": [], "title": "A", "summary": "S",
				            "submittedOnDailyAt": "2026-05-30T08:00:00.000Z"}}]
				""");
		assertThat(file.day()).isEqualTo(LocalDate.of(2026, 5, 29));
		assertThat(file.entries().get(0).placement().day()).isEqualTo(LocalDate.of(2026, 5, 29));
	}

	@Test
	void fileWithoutADateInItsNameIsDatedByItsEarliestSubmissionInUtc() throws Exception {
		DailyPapersFile file = parse("latest.json", """
				[
				  {"paper": {"id": "2605.00001", "authors": [], "title": "A", "summary": "S",
				             "submittedOnDailyAt": "2026-05-29T08:00:00.000Z"}},
				  {"paper": {"id": "2605.00002", "authors": [], "title": "B", "summary": "S",
				             "submittedOnDailyAt": "2026-05-29T01:00:00.000+02:00"}},
				  {"paper": {"id": "2605.00003", "authors": [], "title": "C", "summary": "S"}}
				]
				""");
		assertThat(file.day()).isEqualTo(LocalDate.of(2026, 5, 28));
		assertThat(file.entries()).extracting((entry) -> entry.placement().day())
			.containsOnly(LocalDate.of(2026, 5, 28));
		assertThat(file.entries().get(2).placement().submittedAt()).isEqualTo(Instant.parse("2026-05-28T00:00:00Z"));
	}

	@Test
	void emptyListNamedByItsDayHasNoEntries() throws Exception {
		DailyPapersFile file = parse("2024-06-03.json", "[]");
		assertThat(file.day()).isEqualTo(JUNE_3);
		assertThat(file.entries()).isEmpty();
	}

	@Test
	void textThatIsNotJsonIsRejectedWithItsLineAndColumn() throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", """
				[
				  {"paper": this is not JSON}
				]
				""");
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage()).startsWith("not valid JSON: ").endsWith("(line 2, column 13)");
		assertThat(rejection.describe()).isEqualTo(rejection.getMessage());
	}

	@Test
	void htmlErrorPageIsRejectedAsInvalidJson() throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", "<!DOCTYPE html>\n<html>Not Found</html>\n");
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage()).startsWith("not valid JSON: ").endsWith("(line 1, column 1)");
	}

	@Test
	void truncatedFileIsRejectedAsInvalidJson() throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", "[" + MINIMAL_2024_ENTRY + ",\n  {\"paper\": ");
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage()).startsWith("not valid JSON: ").endsWith("(line 16, column 13)");
	}

	@Test
	void secondDocumentAfterTheListIsRejected() throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", "[]\n[]\n");
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage()).startsWith("not valid JSON: ").endsWith("(line 2, column 1)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  \n\t\n" })
	void emptyFileIsRejected(String content) throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", content);
		assertThat(rejection.jsonPath()).isEqualTo("$");
		assertThat(rejection.getMessage()).isEqualTo("the file is empty");
	}

	@Test
	void fileLargerThanTheLimitIsRejectedUnread() throws Exception {
		Path file = this.folder.resolve("2024-06-03.json");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(DailyPapersFileParser.MAX_FILE_BYTES + 1);
		}
		MalformedFileException rejection = catchThrowableOfType(MalformedFileException.class, () -> this.parser.parse(file));
		assertThat(rejection).isNotNull();
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage()).isEqualTo("larger than 64 MiB");
	}

	@Test
	void topLevelObjectIsRejected() throws Exception {
		assertRejected("{\"paper\": {\"id\": \"2406.00001\"}}", "$", "expected an array of entries but found an object");
	}

	@Test
	void topLevelStringIsRejected() throws Exception {
		assertRejected("\"2406.00001\"", "$", "expected an array of entries but found a string");
	}

	@Test
	void entryThatIsNotAnObjectIsRejectedWithItsIndex() throws Exception {
		assertRejected("[" + MINIMAL_2024_ENTRY + ", 42]", "$[1]", "expected an object but found a number");
	}

	@Test
	void entryWithoutPaperIsRejected() throws Exception {
		assertRejected("""
				[{"title": "Engines of Analysis", "numComments": 0}]
				""", "$[0].paper", "required but missing");
	}

	@Test
	void paperThatIsNotAnObjectIsRejected() throws Exception {
		assertRejected("""
				[{"paper": ["2406.00001"]}]
				""", "$[0].paper", "expected an object but found an array");
	}

	@Test
	void paperWithoutIdIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"authors": [], "title": "T", "summary": "S"}}]
				""", "$[0].paper.id", "required but missing");
	}

	@Test
	void idThatIsNotAnArxivIdIsRejectedWithTheId() throws Exception {
		assertRejected("[" + MINIMAL_2024_ENTRY + """
				, {"paper": {"id": "../../etc/passwd", "authors": [], "title": "T", "summary": "S"}}]
				""", "$[1].paper.id", "not an arXiv id: \"../../etc/passwd\"");
	}

	@Test
	void numericIdIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": 2406.00001, "authors": [], "title": "T", "summary": "S"}}]
				""", "$[0].paper.id", "expected a string but found a number");
	}

	@Test
	void paperWithoutTitleIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "summary": "S"}}]
				""", "$[0].paper.title", "required but missing");
	}

	@Test
	void paperWithBlankSummaryIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "  \\n "}}]
				""", "$[0].paper.summary", "must not be empty");
	}

	@Test
	void upvotesAsAStringAreRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S", "upvotes": "12"}}]
				""", "$[0].paper.upvotes", "expected an integer but found a string");
	}

	@Test
	void fractionalUpvotesAreRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S", "upvotes": 1.5}}]
				""", "$[0].paper.upvotes", "expected an integer but found a number");
	}

	@Test
	void negativeUpvotesAreRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S", "upvotes": -3}}]
				""", "$[0].paper.upvotes", "must not be negative");
	}

	@Test
	void negativeCommentCountIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S"}, "numComments": -1}]
				""", "$[0].numComments", "must not be negative");
	}

	@Test
	void authorsThatAreNotAnArrayAreRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": {"name": "Ada Lovelace"}, "title": "T", "summary": "S"}}]
				""", "$[0].paper.authors", "expected an array but found an object");
	}

	@Test
	void authorThatIsNotAnObjectIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": ["Ada Lovelace"], "title": "T", "summary": "S"}}]
				""", "$[0].paper.authors[0]", "expected an object but found a string");
	}

	@Test
	void authorWithoutNameIsRejectedWithItsPosition() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "title": "T", "summary": "S",
				            "authors": [{"_id": "a-1", "name": "Ada Lovelace"}, {"_id": "a-2", "hidden": false}]}}]
				""", "$[0].paper.authors[1].name", "required but missing");
	}

	@Test
	void publishedAtThatIsNotADateIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S", "publishedAt": "yesterday"}}]
				""", "$[0].paper.publishedAt", "not an ISO-8601 date-time: \"yesterday\"");
	}

	@Test
	void submittedOnDailyAtWithoutOffsetIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S",
				            "submittedOnDailyAt": "2024-06-03T04:00:00"}}]
				""", "$[0].paper.submittedOnDailyAt", "not an ISO-8601 date-time: \"2024-06-03T04:00:00\"");
	}

	@Test
	void aiKeywordsContainingANumberAreRejectedAtThatKeyword() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S",
				            "ai_keywords": ["engines", 42]}}]
				""", "$[0].paper.ai_keywords[1]", "expected a string but found a number");
	}

	@Test
	void mediaUrlsThatAreNotAnArrayAreRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S"},
				  "mediaUrls": "https://example.org/a.png"}]
				""", "$[0].mediaUrls", "expected an array but found a string");
	}

	@Test
	void authorParticipationThatIsNotABooleanIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S"},
				  "isAuthorParticipating": "yes"}]
				""", "$[0].isAuthorParticipating", "expected true or false but found a string");
	}

	@Test
	void organizationThatIsNotAnObjectIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S"},
				  "organization": "Example Lab"}]
				""", "$[0].organization", "expected an object but found a string");
	}

	@Test
	void submittedByWithoutNameIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S"},
				  "submittedBy": {"fullname": "Ruth Ng"}}]
				""", "$[0].submittedBy.name", "required but missing");
	}

	@Test
	void submittedOnDailyByWithNeitherUserNorNameIsRejected() throws Exception {
		assertRejected("""
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S",
				            "submittedOnDailyBy": {"fullname": "Xia Lin"}}}]
				""", "$[0].paper.submittedOnDailyBy.name", "required but missing");
	}

	@Test
	void fileWithoutADateInItsNameWhoseEntriesHaveNoSubmissionTimeIsRejected() throws Exception {
		MalformedFileException rejection = rejection("latest.json", "[" + MINIMAL_2024_ENTRY + "]");
		assertThat(rejection.jsonPath()).isNull();
		assertThat(rejection.getMessage())
			.isEqualTo("cannot tell which day this list is for: name the file YYYY-MM-DD.json");
	}

	@Test
	void emptyListWithoutADateInItsNameIsRejected() throws Exception {
		MalformedFileException rejection = rejection("latest.json", "[]");
		assertThat(rejection.getMessage()).startsWith("cannot tell which day this list is for");
	}

	@Test
	void rejectionDescribesItselfWithItsJsonPath() throws Exception {
		MalformedFileException rejection = rejection("2024-06-03.json", """
				[{"paper": {"id": "2406.00001", "authors": [], "title": "T", "summary": "S", "upvotes": -3}}]
				""");
		assertThat(rejection.describe()).isEqualTo("$[0].paper.upvotes: must not be negative");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-06-03.json", "hf-daily-2024-06-03.json", "2024-06-03-retry.json" })
	void dayFromNameFindsTheDateInTheName(String name) {
		assertThat(DailyPapersFileParser.dayFromName(name)).contains(JUNE_3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "latest.json", "2024-13-01.json", "2024-02-30.json", "2024-6-3.json", "2024-06-03.txt",
			"2024-06-03.json.bak", "20240603.json", "" })
	void dayFromNameIsEmptyWithoutAValidDateAndJsonExtension(String name) {
		assertThat(DailyPapersFileParser.dayFromName(name)).isEmpty();
	}

	@Test
	void dayFromNameAcceptsLeapDays() {
		assertThat(DailyPapersFileParser.dayFromName("2024-02-29.json")).contains(LocalDate.of(2024, 2, 29));
		assertThat(DailyPapersFileParser.dayFromName("2025-02-29.json")).isEmpty();
	}

	private DailyPapersFile parse(String fileName, String content) throws IOException, MalformedFileException {
		Path file = this.folder.resolve(fileName);
		Files.writeString(file, content);
		return this.parser.parse(file);
	}

	private MalformedFileException rejection(String fileName, String content) {
		MalformedFileException rejection = catchThrowableOfType(MalformedFileException.class,
				() -> parse(fileName, content));
		assertThat(rejection).as("rejection of %s", fileName).isNotNull();
		return rejection;
	}

	private void assertRejected(String content, String jsonPath, String reason) {
		MalformedFileException rejection = rejection("2024-06-03.json", content);
		assertThat(rejection.jsonPath()).isEqualTo(jsonPath);
		assertThat(rejection.getMessage()).isEqualTo(reason);
	}

}
