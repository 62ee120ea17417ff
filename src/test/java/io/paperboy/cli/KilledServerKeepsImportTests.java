package io.paperboy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.PaperboyApplication;
import io.paperboy.support.PaperboyCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Saved" means durable: a server is killed with SIGKILL the moment an import beside it has reported
 * its papers created, and every one of them is in the database when it opens again. Both run as
 * real processes on the application's own configuration (its default database URL above all).
 */
@Tag("process")
class KilledServerKeepsImportTests {

	private static final Pattern CREATED = Pattern.compile("Papers created:\\s+(\\d+)");

	private static final int DAYS = 4;

	private static final int PAPERS_A_DAY = 100;

	@TempDir
	Path folder;

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void everyPaperAnImportReportedCreatedIsThereAfterTheServerIsKilled() throws Exception {
		Path dataDir = this.folder.resolve("data");
		Set<String> written = writeDays(Files.createDirectories(this.folder.resolve("days")));
		Lines server = start("--server.port=0", "--db-scheduler.enabled=false", "--paperboy.search.embeddings=false",
				"--paperboy.data-dir=" + dataDir);
		await().atMost(Duration.ofMinutes(2)).until(() -> server.contains("Started PaperboyApplication") || !server.process().isAlive());
		assertThat(server.process().isAlive()).as(server.text()).isTrue();

		Lines importer = start("import", "hf-daily", this.folder.resolve("days").toString(), "--paperboy.data-dir=" + dataDir);
		await().atMost(Duration.ofMinutes(2)).until(() -> importer.contains("Papers created:") || !importer.process().isAlive());
		// the moment the import has said so: no time for a delayed write to happen
		server.process().destroyForcibly();
		assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		importer.process().destroyForcibly();

		Matcher created = CREATED.matcher(importer.text());
		assertThat(created.find()).as(importer.text()).isTrue();
		assertThat(Integer.parseInt(created.group(1))).isEqualTo(DAYS * PAPERS_A_DAY);
		try (Connection connection = DriverManager.getConnection(defaultDatabaseUrl(dataDir), "sa", "")) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			Set<String> stored = new TreeSet<>(jdbc.sql("select id from papers").query(String.class).list());
			assertThat(stored).containsExactlyInAnyOrderElementsOf(written);
		}
	}

	/** Hugging Face daily-list files, one a day, each with its own papers. */
	private static Set<String> writeDays(Path days) throws IOException {
		Set<String> ids = new TreeSet<>();
		for (int day = 0; day < DAYS; day++) {
			LocalDate date = LocalDate.of(2025, 6, 2 + day);
			List<String> entries = new ArrayList<>();
			for (int n = 1; n <= PAPERS_A_DAY; n++) {
				String id = "2506.%02d%03d".formatted(day, n);
				ids.add(id);
				entries.add("""
						{"paper": {"id": "%s", "title": "Paper %s", "summary": "About %s.", "upvotes": %d,
						    "authors": [{"_id": "a%d", "name": "Author %d", "hidden": false}], "publishedAt": "2025-05-30T17:00:00.000Z"},
						  "title": "Paper %s", "numComments": 0, "publishedAt": "2025-05-30T17:00:00.000Z"}"""
					.formatted(id, id, id, n, n, n, id));
			}
			Files.writeString(days.resolve(date + ".json"), "[" + String.join(",\n", entries) + "]");
		}
		return ids;
	}

	/** The URL application.properties gives the embedded database, for this data directory. */
	private static String defaultDatabaseUrl(Path dataDir) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PaperboyApplication.class.getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		return properties.getProperty("spring.datasource.url").replace("${paperboy.data-dir}", dataDir.toString());
	}

	/** Paperboy in its own process, on its own configuration only (not the tests' in-memory one). */
	private Lines start(String... arguments) throws IOException {
		List<String> command = PaperboyCommand.of(arguments);
		command.add("--spring.config.location=classpath:/application.properties");
		Process process = new ProcessBuilder(command).directory(this.folder.toFile()).redirectErrorStream(true).start();
		this.processes.add(process);
		Lines lines = new Lines(process, new CopyOnWriteArrayList<>());
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.lines().add(line);
				}
			}
			catch (IOException ex) {
				// the process was killed
			}
		});
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	/** A process and the lines it has written so far. */
	private record Lines(Process process, List<String> lines) {

		boolean contains(String text) {
			return this.lines.stream().anyMatch((line) -> line.contains(text));
		}

		String text() {
			return String.join("\n", this.lines);
		}

	}

}
