package io.paperboy.ingest.hfdaily;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.Paper;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.SharedData;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole real archive, imported twice into an empty catalog: the first import stores every
 * paper once, the second changes nothing. Both imports run once, on first use, for all tests.
 * Each subclass runs it on one database.
 */
@Tag("real-data")
@StorageTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DailyPapersImportRealArchiveContract {

	@Autowired
	private DailyPapersImporter importer;

	@Autowired
	private Catalog catalog;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	private ImportReport first;

	private ImportReport second;

	@Test
	void firstImportReadsEveryFileAndCreatesEveryPaperAndEntryOnce() {
		importTwice();
		assertThat(this.first.rejections()).isEmpty();
		assertThat(this.first.filesRead()).isEqualTo(521);
		assertThat(this.first.papersCreated()).isEqualTo(8_506);
		// one paper is on two days: its second sighting is a newer snapshot of a known paper
		assertThat(this.first.papersCreated() + this.first.papersUpdated() + this.first.papersUnchanged())
			.isEqualTo(8_507);
		assertThat(this.first.entriesCreated()).isEqualTo(8_506);
		assertThat(this.first.entriesUpdated()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(8_506);
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isEqualTo(8_506);
	}

	@Test
	void secondImportChangesNothing() {
		importTwice();
		assertThat(this.second.rejections()).isEmpty();
		assertThat(this.second.filesRead()).isEqualTo(521);
		assertThat(this.second.papersCreated()).isZero();
		assertThat(this.second.papersUpdated()).isZero();
		assertThat(this.second.papersUnchanged()).isEqualTo(8_507);
		assertThat(this.second.entriesCreated()).isZero();
		assertThat(this.second.entriesUpdated()).isZero();
		assertThat(this.catalog.countPapers()).isEqualTo(8_506);
		assertThat(CatalogTables.count(this.jdbc, "daily_entries")).isEqualTo(8_506);
	}

	@Test
	void paperOnTwoDaysIsListedOnTheEarlierWithTheUpvotesOfTheLater() throws IOException {
		importTwice();
		Map<String, TreeMap<LocalDate, Integer>> upvotesByDay = new HashMap<>();
		for (Map.Entry<LocalDate, JsonNode> day : rawDays().entrySet()) {
			for (JsonNode entry : day.getValue()) {
				JsonNode paper = entry.get("paper");
				upvotesByDay.computeIfAbsent(paper.get("id").stringValue(), (id) -> new TreeMap<>())
					.put(day.getKey(), paper.get("upvotes").intValue());
			}
		}
		List<String> repeated = upvotesByDay.keySet().stream().filter((id) -> upvotesByDay.get(id).size() > 1).toList();
		assertThat(repeated).hasSize(1);
		for (String id : repeated) {
			TreeMap<LocalDate, Integer> days = upvotesByDay.get(id);
			assertThat(this.catalog.dailyEntryOf(id)).get()
				.satisfies((entry) -> assertThat(entry.day()).isEqualTo(days.firstKey()));
			assertThat(this.catalog.findPaper(id)).map(Paper::upvotes).contains(days.lastEntry().getValue());
		}
	}

	@Test
	void eachSubmitterIsStoredOnce() throws IOException {
		importTwice();
		Set<String> usernames = new HashSet<>();
		for (JsonNode day : rawDays().values()) {
			for (JsonNode entry : day) {
				JsonNode onDaily = entry.get("paper").get("submittedOnDailyBy");
				JsonNode by = entry.get("submittedBy");
				if (onDaily != null && !onDaily.isNull()) {
					usernames.add(onDaily.get("user").stringValue());
				}
				else if (by != null && !by.isNull()) {
					usernames.add(by.get("name").stringValue());
				}
			}
		}
		assertThat(usernames).isNotEmpty();
		assertThat(CatalogTables.count(this.jdbc, "users")).isEqualTo(usernames.size());
	}

	private void importTwice() {
		Path archive = SharedData.hfDailyPapers();
		if (this.first != null) {
			return;
		}
		CatalogTables.empty(this.jdbc, this.events);
		List<Path> files = DailyPapersImporter.expand(List.of(archive));
		this.first = this.importer.importFiles(files, (file) -> {
		});
		this.second = this.importer.importFiles(files, (file) -> {
		});
	}

	/** The archive's days as plain JSON trees, by the day in their names. */
	private static Map<LocalDate, JsonNode> rawDays() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<LocalDate, JsonNode> days = new TreeMap<>();
		for (Path file : DailyPapersImporter.expand(List.of(SharedData.hfDailyPapers()))) {
			days.put(LocalDate.parse(file.getFileName().toString().replace(".json", "")), json.readTree(file.toFile()));
		}
		return days;
	}

}
