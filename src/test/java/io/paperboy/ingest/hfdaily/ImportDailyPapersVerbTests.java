package io.paperboy.ingest.hfdaily;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.paperboy.catalog.Catalog;
import io.paperboy.cli.VerbRunner;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@StorageTest
@ExtendWith(EmptyCatalog.class)
class ImportDailyPapersVerbTests {

	@Autowired
	private VerbRunner runner;

	@Autowired
	private Catalog catalog;

	@TempDir
	Path folder;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void importingAFolderPrintsWhatItDidAndSucceeds() throws IOException {
		write("2024-06-03.json", entry("2406.20001", 4), entry("2406.20002", 7));
		write("2024-06-04.json", entry("2406.20003", 1));
		int exitCode = run("import", "hf-daily", this.folder.toString());
		assertThat(exitCode).isZero();
		assertThat(out()).isEqualTo("""
				Files read:             2
				Papers created:         3
				Papers updated:         0
				Papers unchanged:       0
				Daily entries created:  3
				Daily entries moved or updated: 0
				Files rejected:         0
				""");
		assertThat(err()).isEmpty();
		assertThat(this.catalog.countPapers()).isEqualTo(3);
	}

	@Test
	void filesAndFoldersMayBeGivenTogether() throws IOException {
		Path days = Files.createDirectories(this.folder.resolve("days"));
		Files.writeString(days.resolve("2024-06-03.json"), "[" + entry("2406.20001", 4) + "]");
		Path single = write("2024-06-04.json", entry("2406.20002", 1));
		int exitCode = run("import", "hf-daily", days.toString(), single.toString());
		assertThat(exitCode).isZero();
		assertThat(out()).contains("Files read:             2\n").contains("Papers created:         2\n");
	}

	@Test
	void rejectedFileIsListedWithItsReasonAndTheImportFails() throws IOException {
		write("2024-06-03.json", entry("2406.20001", 4));
		Path bad = write("2024-06-04.json", entry("2406.20002", -1));
		int exitCode = run("import", "hf-daily", this.folder.toString());
		assertThat(exitCode).isEqualTo(1);
		assertThat(out()).contains("Files read:             2\n")
			.contains("Papers created:         1\n")
			.endsWith("Files rejected:         1\n  " + bad + ": $[0].paper.upvotes: must not be negative\n");
		assertThat(this.catalog.findPaper("2406.20001")).isPresent();
		assertThat(this.catalog.findPaper("2406.20002")).isEmpty();
	}

	@Test
	void noOperandsIsAUsageError() {
		int exitCode = run("import", "hf-daily");
		assertThat(exitCode).isEqualTo(2);
		assertThat(err()).startsWith("Usage: import hf-daily PATH...");
		assertThat(out()).isEmpty();
	}

	@Test
	void missingPathIsAUsageErrorAndNothingIsImported() throws IOException {
		write("2024-06-03.json", entry("2406.20001", 4));
		Path missing = this.folder.resolve("no-such-folder");
		int exitCode = run("import", "hf-daily", this.folder.toString(), missing.toString());
		assertThat(exitCode).isEqualTo(2);
		assertThat(err()).isEqualTo("No such file or folder: " + missing + System.lineSeparator());
		assertThat(out()).isEmpty();
		assertThat(this.catalog.countPapers()).isZero();
	}

	@Test
	void unknownImportSourceIsAUsageError() {
		int exitCode = run("import", "hf-weekly", this.folder.toString());
		assertThat(exitCode).isEqualTo(VerbRunner.USAGE_ERROR);
		assertThat(err()).startsWith("Unknown verb: import hf-weekly").contains("import hf-daily PATH...");
	}

	private int run(String... words) {
		try (PrintStream outStream = new PrintStream(this.out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(this.err, true, StandardCharsets.UTF_8)) {
			return this.runner.run(List.of(words), outStream, errStream);
		}
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private Path write(String name, String... entries) throws IOException {
		return Files.writeString(this.folder.resolve(name), "[" + String.join(",", entries) + "]");
	}

	private static String entry(String id, int upvotes) {
		return """
				{"paper": {"id": "%s", "authors": [{"name": "Ada Lovelace"}], "title": "Paper %1$s",
				           "summary": "About %1$s.", "upvotes": %d}, "numComments": 0}
				""".formatted(id, upvotes);
	}

}
