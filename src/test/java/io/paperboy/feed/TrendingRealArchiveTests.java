package io.paperboy.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.paperboy.catalog.ArxivId;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.MutableClock;
import io.paperboy.support.SharedData;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trending order of the real archive (521 days of Hugging Face's lists, imported with
 * {@code import hf-daily}) follows the published formula: the expected order is computed here, from
 * the files and the formula alone. Only imported counts are in the archive, so each paper's decayed
 * score is {@code upvotes * 2^(-(now - submittedOnDailyAt) / 36 h)}, with the upvotes of the newest
 * file that lists the paper and the time of the earliest.
 */
@Tag("real-data")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "paperboy.feed.cache-ttl=0s")
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendingRealArchiveTests {

	/** The evening of the archive's last day, 2026-05-29, whose papers entered the list at midnight. */
	private static final Instant NOW = Instant.parse("2026-05-29T18:00:00Z");

	/**
	 * Scores equal by the formula can differ in their last bits between two ways of computing them
	 * (the archive has many: a paper listed four half-lives (6 days) before another with 16 times
	 * its votes); their order is then either.
	 */
	private static final Percentage TIE = Percentage.withPercentage(1e-9);

	private static final double HALF_LIFE_HOURS = 36;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private Trending trending;

	@Autowired
	private TrendingScores scores;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	private List<Expected> expected;

	@BeforeAll
	void importTheArchive() throws IOException {
		Path archive = SharedData.hfDailyPapers();
		this.clock.set(NOW);
		CatalogTables.empty(this.jdbc, this.events);
		assertThat(run("import", "hf-daily", archive.toString())).contains("Files rejected:         0");
		this.expected = expectedRanking(archive);
	}

	@Test
	void theTopTenFollowsTheFormula() {
		assertTopTenFollowsTheFormula();
	}

	@Test
	void theWholeListFollowsTheFormulaUpToTies() {
		List<TrendingListing> all = this.trending.top(Trending.MAX_DEPTH);
		Map<String, Double> expectedScores = new HashMap<>();
		this.expected.forEach((paper) -> expectedScores.put(paper.id(), paper.score()));

		assertThat(all).hasSize(Trending.MAX_DEPTH);
		assertThat(all).extracting(TrendingListing::score).isSortedAccordingTo(Comparator.reverseOrder());
		for (int i = 0; i < all.size(); i++) {
			String id = all.get(i).listing().paper().id();
			assertThat(all.get(i).score()).as(id).isCloseTo(expectedScores.get(id), TIE);
			// whatever is at this rank, the formula ranks it here, or it ties with what it ranks here
			assertThat(expectedScores.get(id)).as(id).isCloseTo(this.expected.get(i).score(), TIE);
		}
	}

	@Test
	void aRebuildAndARebaseKeepTheTopTen() {
		assertThat(run("trending", "rebuild")).contains("Papers scored:          8506");
		assertTopTenFollowsTheFormula();

		this.clock.set(NOW.plusSeconds(3600));
		this.scores.rebase(NOW.plusSeconds(3600));
		this.clock.set(NOW);
		assertTopTenFollowsTheFormula();
	}

	@Test
	void theLastDaysPapersSayTheyGotTheirVotesInTheLastDay() {
		TrendingListing first = this.trending.top(1).get(0);
		Expected top = this.expected.get(0);
		assertThat(first.listing().entry().day()).isEqualTo(LocalDate.of(2026, 5, 29));
		assertThat(first.reason()).isEqualTo("+" + top.upvotes() + " votes in the last 24 h");
		assertThat(this.trending.top(Trending.MAX_DEPTH)
			.stream()
			.filter((listing) -> listing.listing().entry().day().isBefore(LocalDate.of(2026, 5, 29)))
			.findFirst()).hasValueSatisfying((older) -> assertThat(older.reason()).contains("none in the last 24 h"));
	}

	private void assertTopTenFollowsTheFormula() {
		List<TrendingListing> top = this.trending.top(10);
		assertThat(top).extracting((listing) -> listing.listing().paper().id())
			.containsExactlyElementsOf(this.expected.stream().limit(10).map(Expected::id).toList());
		for (int i = 0; i < 10; i++) {
			assertThat(top.get(i).score()).as(top.get(i).listing().paper().id())
				.isCloseTo(this.expected.get(i).score(), TIE);
		}
	}

	private String run(String... words) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = this.verbs.run(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

	/** Every paper of the archive, highest decayed score at {@link #NOW} first, computed from the files. */
	private static List<Expected> expectedRanking(Path archive) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Instant> listedAt = new HashMap<>();
		Map<String, Integer> upvotes = new HashMap<>();
		List<Path> files;
		try (Stream<Path> walk = Files.list(archive)) {
			files = walk.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path file : files) {
			LocalDate day = LocalDate.parse(file.getFileName().toString().replace(".json", ""));
			Map<String, Boolean> seenInFile = new HashMap<>();
			for (JsonNode entry : json.readTree(file.toFile())) {
				JsonNode paper = entry.get("paper");
				String id = ArxivId.parse(paper.get("id").stringValue()).id();
				if (seenInFile.putIfAbsent(id, true) != null) {
					continue;
				}
				JsonNode submitted = paper.get("submittedOnDailyAt");
				Instant at = (submitted != null && !submitted.isNull()) ? Instant.parse(submitted.stringValue())
						: day.atStartOfDay().toInstant(ZoneOffset.UTC);
				// files are read oldest first: the earliest listing stays, the newest count wins
				listedAt.putIfAbsent(id, at);
				upvotes.put(id, paper.get("upvotes").intValue());
			}
		}
		return listedAt.keySet()
			.stream()
			.map((id) -> new Expected(id, upvotes.get(id), upvotes.get(id)
					* Math.pow(2, -(NOW.toEpochMilli() - listedAt.get(id).toEpochMilli()) / 3_600_000.0 / HALF_LIFE_HOURS)))
			.sorted(Comparator.comparingDouble(Expected::score).reversed().thenComparing(Expected::id))
			.toList();
	}

	private record Expected(String id, int upvotes, double score) {
	}

}
