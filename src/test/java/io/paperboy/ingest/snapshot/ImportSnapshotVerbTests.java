package io.paperboy.ingest.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.Stopping;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.support.CatalogTables;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.SharedData;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import arxiv-snapshot} as an operator runs it: exit codes, the summary, the run record. */
@StorageTest
@ExtendWith(EmptyCatalog.class)
class ImportSnapshotVerbTests {

	@Autowired
	private ImportSnapshotVerb verb;

	@Autowired
	private IngestRuns runs;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SnapshotImporter importer;

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void emptyCatalog() {
		this.jdbc.sql("delete from ingest_checkpoints").update();
	}

	@Test
	void importOfTheSampleSucceedsPrintsItsSummaryAndIsRecordedAsARun() {
		Path sample = SharedData.require("arxiv-kaggle/arxiv-metadata-oai-snapshot.sample.jsonl");
		assertThat(run(sample.toString())).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Lines read:         200")
			.contains("Papers created:     200")
			.contains("Lines skipped:      0")
			.contains("papers/s");
		IngestRun recorded = this.runs.latestRuns("snapshot", 1).get(0);
		assertThat(recorded.outcome()).isEqualTo(IngestRun.Outcome.SUCCEEDED);
		assertThat(recorded.trigger()).isEqualTo("command");
		assertThat(recorded.added()).isEqualTo(200);
		assertThat(recorded.arguments()).isEqualTo(sample.toString());
	}

	@Test
	void skippedLinesAreListedAndMakeTheExitCodeOne() throws IOException {
		List<String> real = Files
			.readAllLines(SharedData.require("arxiv-kaggle/arxiv-metadata-oai-snapshot.sample.jsonl"));
		Path file = Files.write(this.dir.resolve("bad.jsonl"), List.of(real.get(0), "{oops", real.get(1)));
		assertThat(run(file.toString(), "--restart")).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Papers created:     2")
			.contains("Lines skipped:      1")
			.contains("  line 2: not valid JSON");
		IngestRun recorded = this.runs.latestRuns("snapshot", 1).get(0);
		assertThat(recorded.skipped()).isEqualTo(1);
		assertThat(recorded.messages()).anyMatch((message) -> message.startsWith("line 2: not valid JSON"));
	}

	@Test
	void anImportStopsAfterTheBatchInProgressWhenTheApplicationStopsAndTheSameCommandResumes() throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			lines.add(String.format("{\"id\": \"2401.%05d\", \"title\": \"Paper %d\", \"abstract\": \"About %d.\", "
					+ "\"authors\": \"Ada Lovelace\", \"authors_parsed\": [[\"Lovelace\", \"Ada\", \"\"]], "
					+ "\"categories\": \"cs.AI\", \"versions\": [{\"version\": \"v1\", "
					+ "\"created\": \"Mon, 1 Jan 2024 10:00:00 GMT\"}]}", i, i, i));
		}
		Path file = Files.write(this.dir.resolve("snapshot.jsonl"), lines);
		Stopping stopping = new Stopping();
		// SIGTERM came as the import began
		stopping.stop();

		int exitCode = verb(stopping).run(List.of(file.toString()), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));

		assertThat(exitCode).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("stopped after line 10")
			.contains("Run the same command again to resume after the last saved batch.");
		// ended and recorded (as interrupted where the runs, too, see the application stopping: IngestRunsTests)
		assertThat(this.runs.latestRuns("snapshot", 1).get(0).outcome()).isNotEqualTo(IngestRun.Outcome.RUNNING);
		assertThat(CatalogTables.count(this.jdbc, "papers")).isEqualTo(10);

		assertThat(verb(new Stopping()).run(List.of(file.toString()),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))).isZero();
		assertThat(this.runs.latestRuns("snapshot", 1).get(0).messages()).contains("resumed after line 10");
		assertThat(CatalogTables.count(this.jdbc, "papers")).isEqualTo(50);
	}

	/** The verb, in batches of 10 lines, in an application whose stopping is {@code stopping}. */
	private ImportSnapshotVerb verb(Stopping stopping) {
		return new ImportSnapshotVerb(this.importer, this.runs, new SnapshotProperties(10), stopping);
	}

	@Test
	void missingFileOrOperandIsAUsageError() {
		assertThat(run()).isEqualTo(2);
		assertThat(run(this.dir.resolve("absent.jsonl").toString())).isEqualTo(2);
		assertThat(run("a.jsonl", "b.jsonl")).isEqualTo(2);
		assertThat(run("--resume", "a.jsonl")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(ImportSnapshotVerb.USAGE)
			.contains("No such readable file");
	}

	private int run(String... operands) {
		return this.verb.run(List.of(operands), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
