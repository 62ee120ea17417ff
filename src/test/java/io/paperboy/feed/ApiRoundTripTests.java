package io.paperboy.feed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperboy.cli.VerbRunner;
import io.paperboy.support.HtmlText;
import io.paperboy.support.SharedData;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * A real day of Hugging Face's daily papers goes in through the importer and comes out of the API
 * and the day page unchanged.
 */
@WebTest
class ApiRoundTripTests {

	private static final String DAY = "2025-06-02";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private VerbRunner verbs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	private Map<String, Expected> expected;

	@BeforeEach
	void importTheRealDay() throws Exception {
		Path file = SharedData.hfDailyPapers(DAY);
		CatalogTables.empty(this.jdbc, this.events);
		this.expected = expectations(file);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = this.verbs.run(List.of("import", "hf-daily", file.toString()), print(out), print(err));
		assertThat(exitCode).as("import output: %s%s", out, err).isZero();
	}

	@Test
	void theApiGivesBackEveryPaperOfTheImportedDayAsTheFileHadIt() throws Exception {
		String body = this.mvc.perform(get("/api/daily_papers").param("date", DAY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode items = JSON.readTree(body);

		assertThat(this.expected).hasSize(20);
		assertThat(items.size()).isEqualTo(this.expected.size());
		List<String> ids = new ArrayList<>();
		for (JsonNode item : items) {
			JsonNode paper = item.get("paper");
			String id = paper.get("id").stringValue();
			ids.add(id);
			Expected want = this.expected.get(id);
			assertThat(want).as("paper %s is in the file", id).isNotNull();
			assertThat(paper.get("title").stringValue()).as("title of %s", id).isEqualTo(want.title());
			assertThat(item.get("title").stringValue()).as("item title of %s", id).isEqualTo(want.title());
			assertThat(paper.get("upvotes").intValue()).as("upvotes of %s", id).isEqualTo(want.upvotes());
			assertThat(paper.get("authors").valueStream().map((author) -> author.get("name").stringValue()).toList())
				.as("authors of %s", id)
				.isEqualTo(want.authors());
			assertThat(paper.get("submittedOnDailyBy").get("user").stringValue()).as("submitter of %s", id)
				.isEqualTo(want.submitter());
			assertThat(item.get("submittedBy").get("name").stringValue()).as("item submitter of %s", id)
				.isEqualTo(want.submitter());
		}
		assertThat(ids).containsExactlyInAnyOrderElementsOf(this.expected.keySet());
	}

	@Test
	void theDayPageListsTheImportedPapersMostUpvotedFirstWithTheirSubmitters() throws Exception {
		String html = this.mvc.perform(get("/papers/date/" + DAY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		List<String> ids = DailyPagesTests.cardIds(html);
		List<String> cards = DailyPagesTests.cards(html);
		assertThat(ids).containsExactlyInAnyOrderElementsOf(this.expected.keySet());
		assertThat(ids.stream().map((id) -> this.expected.get(id).upvotes()).toList())
			.isSortedAccordingTo(Comparator.reverseOrder());
		for (int i = 0; i < ids.size(); i++) {
			Expected want = this.expected.get(ids.get(i));
			assertThat(HtmlText.of(cards.get(i))).as("card of %s", ids.get(i))
				.contains("Submitted by " + want.submitterDisplayName() + " ")
				.contains(String.valueOf(want.upvotes()));
		}
	}

	/** What the file says about each paper, read independently of the importer. */
	private static Map<String, Expected> expectations(Path file) throws Exception {
		Map<String, Expected> expected = new LinkedHashMap<>();
		for (JsonNode item : JSON.readTree(Files.readString(file))) {
			JsonNode paper = item.get("paper");
			JsonNode onDaily = paper.get("submittedOnDailyBy");
			JsonNode by = item.get("submittedBy");
			String username = (onDaily != null && onDaily.hasNonNull("user")) ? onDaily.get("user").stringValue()
					: by.get("name").stringValue();
			JsonNode named = (onDaily != null) ? onDaily : by;
			String fullname = named.hasNonNull("fullname") ? named.get("fullname").stringValue() : "";
			List<String> authors = paper.get("authors").valueStream().map((author) -> author.get("name").stringValue())
				.toList();
			expected.put(paper.get("id").stringValue(), new Expected(paper.get("title").stringValue(),
					paper.get("upvotes").intValue(), authors, username, fullname.isBlank() ? username : fullname));
		}
		return expected;
	}

	private static PrintStream print(ByteArrayOutputStream buffer) {
		return new PrintStream(buffer, true, StandardCharsets.UTF_8);
	}

	private record Expected(String title, int upvotes, List<String> authors, String submitter,
			String submitterDisplayName) {
	}

}
