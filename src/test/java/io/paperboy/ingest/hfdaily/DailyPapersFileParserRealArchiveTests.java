package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.paperboy.catalog.ArxivId;
import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser against all 521 real days of the archive. Expectations come from reading the same
 * files as plain JSON trees, so that they check the parser rather than repeat it.
 */
@Tag("real-data")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyPapersFileParserRealArchiveTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final DailyPapersFileParser parser = new DailyPapersFileParser(this.json);

	private final Map<String, String> rejections = new TreeMap<>();

	private final List<Day> days = new ArrayList<>();

	private boolean parsed;

	/** A file as the parser reads it, beside the same file as a plain JSON tree. */
	private record Day(Path file, JsonNode tree, DailyPapersFile parsed) {

		/** Each entry of the tree with the parser's entry at the same position. */
		List<Pair> pairs() {
			List<Pair> pairs = new ArrayList<>();
			for (int i = 0; i < this.tree.size(); i++) {
				pairs.add(new Pair(this, this.tree.get(i), this.parsed.entries().get(i)));
			}
			return pairs;
		}

	}

	private record Pair(Day day, JsonNode raw, DailyPapersFile.Entry entry) {
	}

	/**
	 * Parses the archive on first use. Not in a {@code @BeforeAll}: where the data is absent, each
	 * test is then reported as skipped with the reason, instead of the class vanishing from reports.
	 */
	private void parseTheWholeArchive() throws IOException {
		Path folder = SharedData.hfDailyPapers();
		if (this.parsed) {
			return;
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path file : files) {
			try {
				this.days.add(new Day(file, this.json.readTree(file.toFile()), this.parser.parse(file)));
			}
			catch (MalformedFileException ex) {
				this.rejections.put(file.getFileName().toString(), ex.describe());
			}
		}
		this.parsed = true;
	}

	@Test
	void everyFileOfTheArchiveIsAccepted() throws IOException {
		parseTheWholeArchive();
		assertThat(this.rejections).isEmpty();
		assertThat(this.days).hasSize(521);
	}

	@Test
	void archiveHoldsTheEntriesAndPapersTheReadmeCounts() {
		assertThat(pairs()).hasSize(8_507);
		assertThat(pairs().stream().map((pair) -> pair.entry().paper().id()).distinct()).hasSize(8_506);
	}

	@Test
	void everyEntryOfEveryFileIsRead() {
		for (Day day : days()) {
			assertThat(day.parsed().entries()).as(day.file().toString()).hasSize(day.tree().size());
		}
	}

	@Test
	void everyFileIsDatedByItsNameAndSoAreItsEntries() {
		for (Day day : days()) {
			LocalDate named = LocalDate.parse(day.file().getFileName().toString().replace(".json", ""));
			assertThat(day.parsed().day()).isEqualTo(named);
			assertThat(day.parsed().entries()).allSatisfy((entry) -> assertThat(entry.placement().day()).isEqualTo(named));
		}
	}

	@Test
	void idsAreTheCanonicalFormOfTheIdsInTheFiles() {
		for (Pair pair : pairs()) {
			String raw = pair.raw().get("paper").get("id").stringValue();
			assertThat(pair.entry().paper().id()).isEqualTo(ArxivId.parse(raw).id());
			assertThat(pair.entry().placement().paperId()).isEqualTo(pair.entry().paper().id());
		}
	}

	@Test
	void onlyOnePaperAppearsOnMoreThanOneDay() {
		Map<String, Set<LocalDate>> daysOfPaper = new HashMap<>();
		for (Pair pair : pairs()) {
			daysOfPaper.computeIfAbsent(pair.raw().get("paper").get("id").stringValue(), (id) -> new HashSet<>())
				.add(pair.day().parsed().day());
		}
		assertThat(daysOfPaper.values().stream().filter((days) -> days.size() > 1)).hasSize(1);
	}

	@Test
	void titlesSummariesUpvotesAndAuthorsAreAsTheFilesGiveThem() {
		for (Pair pair : pairs()) {
			JsonNode paper = pair.raw().get("paper");
			assertThat(pair.entry().paper().title()).isEqualTo(paper.get("title").stringValue());
			assertThat(pair.entry().paper().summary()).isEqualTo(paper.get("summary").stringValue());
			assertThat(pair.entry().paper().importedUpvotes()).isEqualTo(paper.get("upvotes").intValue());
			assertThat(pair.entry().paper().importedComments()).isEqualTo(pair.raw().path("numComments").asInt(0));
			List<String> authors = new ArrayList<>();
			paper.get("authors").forEach((author) -> authors.add(author.get("name").stringValue()));
			assertThat(pair.entry().paper().authors()).extracting((author) -> author.name()).isEqualTo(authors);
		}
	}

	@Test
	void titlesKeepArxivsHardLineBreaks() {
		assertThat(pairs()).filteredOn((pair) -> pair.entry().paper().title().contains("\n")).isNotEmpty();
	}

	@Test
	void filesOf2024WithASingularMediaUrlYieldThatUrl() {
		List<Pair> singular = pairs().stream().filter((pair) -> pair.raw().has("mediaUrl")).toList();
		assertThat(singular).isNotEmpty();
		assertThat(singular).allSatisfy((pair) -> {
			assertThat(pair.day().parsed().day().getYear()).isEqualTo(2024);
			assertThat(pair.entry().placement().mediaUrls()).containsExactly(pair.raw().get("mediaUrl").stringValue());
		});
	}

	@Test
	void mediaUrlsListsAreKept() {
		List<Pair> listed = pairs().stream()
			.filter((pair) -> pair.raw().path("mediaUrls").isArray() && !pair.raw().get("mediaUrls").isEmpty())
			.toList();
		assertThat(listed).isNotEmpty();
		assertThat(listed).allSatisfy((pair) -> {
			List<String> urls = new ArrayList<>();
			pair.raw().get("mediaUrls").forEach((url) -> urls.add(url.stringValue()));
			assertThat(pair.entry().placement().mediaUrls()).isEqualTo(urls);
		});
	}

	@Test
	void entriesWithoutSubmitterExistAndHaveNone() {
		List<Pair> unsubmitted = pairs().stream()
			.filter((pair) -> isAbsent(pair.raw().get("paper").get("submittedOnDailyBy"))
					&& isAbsent(pair.raw().get("submittedBy")))
			.toList();
		assertThat(unsubmitted).isNotEmpty();
		assertThat(pairs().stream().filter((pair) -> pair.entry().submitter() == null)).hasSameSizeAs(unsubmitted);
	}

	@Test
	void submittersAreNamedByUserOnTheDailyListOrElseByName() {
		int byUser = 0;
		int byName = 0;
		for (Pair pair : pairs()) {
			JsonNode onDaily = pair.raw().get("paper").get("submittedOnDailyBy");
			JsonNode by = pair.raw().get("submittedBy");
			if (!isAbsent(onDaily)) {
				assertThat(pair.entry().submitter().username()).isEqualTo(onDaily.get("user").stringValue());
				byUser++;
			}
			else if (!isAbsent(by)) {
				assertThat(pair.entry().submitter().username()).isEqualTo(by.get("name").stringValue());
				byName++;
			}
		}
		assertThat(byUser).isPositive();
		assertThat(byName).isPositive();
	}

	@Test
	void entriesWithoutSubmittedOnDailyAtAreDatedAtTheStartOfTheirDay() {
		List<Pair> undated = pairs().stream()
			.filter((pair) -> isAbsent(pair.raw().get("paper").get("submittedOnDailyAt")))
			.toList();
		assertThat(undated).isNotEmpty();
		assertThat(undated).allSatisfy((pair) -> assertThat(pair.entry().placement().submittedAt())
			.isEqualTo(pair.day().parsed().day().atStartOfDay().toInstant(ZoneOffset.UTC)));
	}

	@Test
	void entriesWithSubmittedOnDailyAtKeepThatTime() {
		List<Pair> dated = pairs().stream()
			.filter((pair) -> !isAbsent(pair.raw().get("paper").get("submittedOnDailyAt")))
			.toList();
		assertThat(dated).isNotEmpty();
		assertThat(dated).allSatisfy((pair) -> assertThat(pair.entry().placement().submittedAt())
			.isEqualTo(Instant.parse(pair.raw().get("paper").get("submittedOnDailyAt").stringValue())));
	}

	@Test
	void organisationsAreKeptAsTheFilesGiveThem() {
		List<Pair> organised = pairs().stream().filter((pair) -> !isAbsent(pair.raw().get("organization"))).toList();
		assertThat(organised).isNotEmpty();
		assertThat(organised).allSatisfy((pair) -> assertThat(this.json.readTree(pair.entry().placement().organization()))
			.isEqualTo(pair.raw().get("organization")));
		assertThat(pairs().stream().filter((pair) -> pair.entry().placement().organization() != null))
			.hasSameSizeAs(organised);
	}

	@Test
	void aiKeywordsAiSummariesAndGithubStarsAreReadWhereGivenAndEmptyWhereAbsent() {
		int withKeywords = 0;
		int withoutStars = 0;
		for (Pair pair : pairs()) {
			JsonNode paper = pair.raw().get("paper");
			List<String> keywords = new ArrayList<>();
			paper.path("ai_keywords").forEach((keyword) -> keywords.add(keyword.stringValue()));
			assertThat(pair.entry().paper().aiKeywords()).isEqualTo(keywords);
			withKeywords += keywords.isEmpty() ? 0 : 1;
			assertThat(pair.entry().paper().aiSummary())
				.isEqualTo(isAbsent(paper.get("ai_summary")) ? null : paper.get("ai_summary").stringValue());
			if (isAbsent(paper.get("githubStars"))) {
				assertThat(pair.entry().paper().githubStars()).isNull();
				withoutStars++;
			}
			else {
				assertThat(pair.entry().paper().githubStars()).isEqualTo(paper.get("githubStars").intValue());
			}
		}
		assertThat(withKeywords).isPositive().isLessThan(8_507);
		assertThat(withoutStars).isPositive().isLessThan(8_507);
	}

	private List<Day> days() {
		try {
			parseTheWholeArchive();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.days;
	}

	private List<Pair> pairs() {
		return days().stream().flatMap((day) -> day.pairs().stream()).toList();
	}

	private static boolean isAbsent(JsonNode node) {
		return node == null || node.isNull();
	}

}
