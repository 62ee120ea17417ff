package io.paperboy.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.HtmlText;
import io.paperboy.support.SharedData;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole real archive, imported once through the {@code import hf-daily} verb, seen by week and by
 * month: each period lists exactly the papers of its days' files, most upvoted first, on the pages and
 * in the API alike.
 */
@Tag("real-data")
@WebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodPagesRealArchiveTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern NEXT_PAGE = Pattern.compile("<a href=\"([^\"]+)\">Page \\d+ →</a>");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	private Path archive;

	@BeforeAll
	void importTheWholeArchive() {
		this.archive = SharedData.hfDailyPapers();
		CatalogTables.empty(this.jdbc, this.events);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = this.verbs.run(List.of("import", "hf-daily", this.archive.toString()), print(out), print(err));
		assertThat(exitCode).as("import output: %s%s", out, err).isZero();
	}

	@Test
	void week23Of2025ListsExactlyThePapersOfJune2To6MostUpvotedFirst() throws Exception {
		Map<String, Integer> expected = upvotesInFiles("2025-06-02", "2025-06-03", "2025-06-04", "2025-06-05",
				"2025-06-06");

		List<String> cards = allCards("/papers/week/2025-W23");

		List<String> ids = cards.stream().map((card) -> DailyPagesTests.cardIds(card).get(0)).toList();
		assertThat(expected).hasSize(135);
		assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
		List<Integer> upvotes = cards.stream().map((card) -> Integer.valueOf(HtmlText.of(card).split(" ")[1])).toList();
		assertThat(upvotes).isEqualTo(ids.stream().map(expected::get).toList())
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void week23Of2025IsHeadedAndLinkedToWeeks22And24() throws Exception {
		String html = page("/papers/week/2025-W23");

		assertThat(html).contains("<time datetime=\"2025-W23\">Week 23, 2025 · Jun 2 – Jun 8</time>");
		assertThat(html).contains("<a rel=\"prev\" href=\"/papers/week/2025-W22\">")
			.contains("<a rel=\"next\" href=\"/papers/week/2025-W24\">");
		assertThat(HtmlText.of(html)).contains("135 papers, most upvoted first").contains("Page 1 of 3");
	}

	@Test
	void theApiListsWeek23InThePagesOrder() throws Exception {
		List<String> onPages = allCards("/papers/week/2025-W23").stream()
			.map((card) -> DailyPagesTests.cardIds(card).get(0))
			.toList();

		List<String> inApi = new ArrayList<>();
		for (int p = 0; p < 2; p++) {
			String body = this.mvc.perform(get("/api/daily_papers").param("week", "2025-W23")
				.param("limit", "100")
				.param("p", String.valueOf(p))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			inApi.addAll(JsonPath.read(body, "$[*].paper.id"));
		}

		assertThat(inApi).isEqualTo(onPages);
	}

	@Test
	void theBusiestMonthListsEveryPaperOfItsFilesFiftyAtATime() throws Exception {
		Map<String, Integer> expected = upvotesInFiles(filesOf("2026-05"));

		List<String> cards = allCards("/papers/month/2026-05");

		assertThat(expected).hasSizeGreaterThan(600);
		assertThat(cards.stream().map((card) -> DailyPagesTests.cardIds(card).get(0)).toList()).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(HtmlText.of(page("/papers/month/2026-05")))
			.contains("Page 1 of " + ((expected.size() + PeriodPage.CARDS_PER_PAGE - 1) / PeriodPage.CARDS_PER_PAGE));
	}

	/** The cards of every page of a period, from its first page on by the pages' "next" links. */
	private List<String> allCards(String path) throws Exception {
		List<String> cards = new ArrayList<>();
		String next = path;
		while (next != null) {
			String html = page(next);
			cards.addAll(DailyPagesTests.cards(html));
			Matcher link = NEXT_PAGE.matcher(html);
			next = link.find() ? link.group(1) : null;
		}
		return cards;
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String[] filesOf(String month) throws IOException {
		try (Stream<Path> files = Files.list(this.archive)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith(month + "-") && name.endsWith(".json"))
				.map((name) -> name.substring(0, name.length() - ".json".length()))
				.sorted()
				.toArray(String[]::new);
		}
	}

	/** Each paper of the days' files with its upvotes, read from the files independently of the importer. */
	private Map<String, Integer> upvotesInFiles(String... days) throws IOException {
		Map<String, Integer> upvotes = new LinkedHashMap<>();
		for (String day : days) {
			for (JsonNode item : JSON.readTree(Files.readString(this.archive.resolve(day + ".json")))) {
				JsonNode paper = item.get("paper");
				upvotes.put(paper.get("id").stringValue(), paper.get("upvotes").intValue());
			}
		}
		return upvotes;
	}

	private static PrintStream print(ByteArrayOutputStream buffer) {
		return new PrintStream(buffer, true, StandardCharsets.UTF_8);
	}

}
