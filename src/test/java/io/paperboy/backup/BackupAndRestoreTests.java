package io.paperboy.backup;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.account.Accounts;
import io.paperboy.catalog.Catalog;
import io.paperboy.cli.CommandLine;
import io.paperboy.cli.VerbRunner;
import io.paperboy.community.Votes;
import io.paperboy.support.PaperboyCommand;
import io.paperboy.support.TestFolders;
import io.paperboy.support.TestPapers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code backup} while members vote, and {@code restore} of that backup into a new data directory
 * by the command line, as an operator runs them.
 */
@Tag("process")
@SpringBootTest
class BackupAndRestoreTests {

	private static final Path FOLDER = TestFolders.create("paperboy-backup");

	private static final Path DATA_DIR = FOLDER.resolve("data");

	private static final String SETTINGS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	private static final int PAPERS = 12;

	private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern PAPER_ID = Pattern.compile("\"id\":\"2506\\.000\\d\\d\"");

	@Autowired
	VerbRunner verbs;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	Votes votes;

	@DynamicPropertySource
	static void fileDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url(DATA_DIR));
		registry.add("paperboy.data-dir", DATA_DIR::toString);
	}

	@BeforeAll
	static void papers(@Autowired Catalog catalog) {
		for (int i = 1; i <= PAPERS; i++) {
			catalog.savePaper(TestPapers.paper("2506.%05d".formatted(i)).build(), LocalDate.of(2025, 6, 2));
		}
	}

	@Test
	void aBackupTakenDuringABurstOfVotesRestoresToAConsistentState() throws Exception {
		List<Long> voters = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread writer = new Thread(() -> {
			try {
				for (int i = 0; !stop.get(); i++) {
					long member = this.accounts.loadUserByUsername("voter" + i + "@example.org").id();
					this.votes.upvote("2506.%05d".formatted(1 + i % PAPERS), member);
					voters.add(member);
				}
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, "voter");
		writer.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> voters.size() >= 50 || failure.get() != null);
		Path backup = FOLDER.resolve("during-votes.zip");

		Run run = backup(backup.toString());
		int votedWhenBackupEnded = voters.size();
		await().atMost(Duration.ofSeconds(30)).until(() -> voters.size() >= votedWhenBackupEnded + 50 || failure.get() != null);
		stop.set(true);
		writer.join();

		assertThat(failure.get()).isNull();
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Backup written to " + backup);
		Path restored = FOLDER.resolve("restored");
		Run restore = runCommandLine("restore", backup.toString(), "--paperboy.data-dir=" + restored);
		assertThat(restore.exitCode()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("Restored " + backup + " into " + restored + ": " + PAPERS + " papers.");
		try (Connection connection = DriverManager.getConnection(url(restored), "sa", "")) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			Map<String, Long> counted = new HashMap<>();
			jdbc.sql("select paper_id, count(*) from votes group by paper_id")
				.query((RowCallbackHandler) (row) -> counted.put(row.getString(1), row.getLong(2)));
			Map<String, Long> kept = new HashMap<>();
			jdbc.sql("select id, member_votes from papers where member_votes > 0")
				.query((RowCallbackHandler) (row) -> kept.put(row.getString(1), row.getLong(2)));
			assertThat(kept).as("each paper's vote count equals its votes").isEqualTo(counted);
			List<Long> restoredVoters = jdbc.sql("select user_id from votes").query(Long.class).list();
			// the votes as they stood at one moment: those cast first, all of them, and none after
			assertThat(restoredVoters).hasSizeGreaterThanOrEqualTo(50)
				.containsExactlyInAnyOrderElementsOf(voters.subList(0, restoredVoters.size()));
		}
	}

	@Test
	void aServerStartedOnARestoredDirectoryRebuildsTheSearchIndexFromTheDatabase() throws Exception {
		Path backup = FOLDER.resolve("for-search.zip");
		assertThat(backup(backup.toString()).exitCode()).isZero();
		Path restored = FOLDER.resolve("restored-for-search");
		assertThat(restore(restored, backup).exitCode()).isZero();
		List<String> log = new CopyOnWriteArrayList<>();
		Process server = startServer(restored, log);
		try {
			await().atMost(Duration.ofMinutes(2))
				.until(() -> port(log).isPresent() || !server.isAlive());
			assertThat(server.isAlive()).as(String.join("\n", log)).isTrue();
			URI search = URI.create("http://localhost:" + port(log).orElseThrow() + "/api/papers/search?q=study&mode=text&limit=100");
			HttpClient http = HttpClient.newHttpClient();
			await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
				.until(() -> http.send(HttpRequest.newBuilder(search).build(), HttpResponse.BodyHandlers.ofString()).body(),
						(body) -> PAPER_ID.matcher(body).results().count() == PAPERS);
			assertThat(restored.resolve("index")).isDirectory();
		}
		finally {
			server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aBackupNeverReplacesAFile() throws Exception {
		Path existing = Files.writeString(FOLDER.resolve("existing.zip"), "keep me");

		Run run = backup(existing.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains(existing + " already exists");
		assertThat(existing).hasContent("keep me");
	}

	@Test
	void aBackupIntoAMissingFolderIsRefused() {
		Run run = backup(FOLDER.resolve("no/such/folder/b.zip").toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).contains("No such folder: " + FOLDER.resolve("no/such/folder"));
	}

	@Test
	void restoreRefusesADataDirectoryThatHoldsAnything() throws Exception {
		Path backup = FOLDER.resolve("for-refusal.zip");
		assertThat(backup(backup.toString()).exitCode()).isZero();
		Path occupied = Files.createDirectories(FOLDER.resolve("occupied"));
		Files.writeString(occupied.resolve("notes.txt"), "mine");

		Run run = restore(occupied, backup);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("Refusing to restore into " + occupied + ": the data directory is not empty (it holds notes.txt)");
		assertThat(occupied).isDirectoryNotContaining("glob:**.db");
	}

	@Test
	void restoreRefusesAFileThatIsNotABackup() throws Exception {
		Path notABackup = Files.writeString(FOLDER.resolve("notes.zip"), "not a zip");
		Path empty = FOLDER.resolve("empty-for-not-a-backup");

		Run run = restore(empty, notABackup);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains(notABackup + " is not a Paperboy backup");
		assertThat(empty.resolve("paperboy.mv.db")).doesNotExist();
	}

	@Test
	void restoreSaysWhatToDoOnPostgreSql() throws Exception {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/paperboy")
			.withProperty("paperboy.data-dir", FOLDER.resolve("pg").toString());
		Path backup = Files.writeString(FOLDER.resolve("pg.dump"), "dump");

		Run run = run(new RestoreVerb(environment), List.of(backup.toString()));

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("On PostgreSQL, use pg_restore");
	}

	@Test
	void helpListsBackupAndRestore() {
		assertThat(CommandLine.USAGE).contains("backup FILE").contains("restore FILE");
		assertThat(CommandLine.parse(new String[] { "restore", "b.zip" }).opensDatabase()).isFalse();
		assertThat(CommandLine.parse(new String[] { "backup", "b.zip" }).opensDatabase()).isTrue();
	}

	@Test
	void restoreWithoutAFileShowsItsUsage() {
		Run run = run(new RestoreVerb(new MockEnvironment()), List.of());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).contains(RestoreVerb.USAGE);
	}

	private Run backup(String file) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			int exitCode = this.verbs.run(List.of("backup", file), print, print);
			return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
		}
	}

	private static Run restore(Path dataDir, Path backup) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url(dataDir))
			.withProperty("paperboy.data-dir", dataDir.toString());
		return run(new RestoreVerb(environment), List.of(backup.toString()));
	}

	private static Run run(RestoreVerb verb, List<String> operands) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			int exitCode = verb.run(operands, print, print);
			return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
		}
	}

	/** The verb as an operator runs it: its own process, with the application's own configuration. */
	private static Run runCommandLine(String... arguments) throws IOException, InterruptedException {
		List<String> command = PaperboyCommand.of(arguments);
		command.add("--spring.config.location=classpath:/application.properties");
		Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private static Process startServer(Path dataDir, List<String> log) throws IOException {
		List<String> command = PaperboyCommand.of("--server.port=0",
				"--paperboy.data-dir=" + dataDir, "--db-scheduler.enabled=false", "--paperboy.search.embeddings=false",
				"--spring.config.location=classpath:/application.properties");
		Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					log.add(line);
				}
			}
			catch (IOException ex) {
				// the server was stopped
			}
		});
		reader.setDaemon(true);
		reader.start();
		return process;
	}

	private static Optional<Integer> port(List<String> log) {
		return log.stream()
			.map(TOMCAT_PORT::matcher)
			.filter(Matcher::find)
			.map((found) -> Integer.parseInt(found.group(1)))
			.findFirst();
	}

	private static String url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.resolve("paperboy") + SETTINGS;
	}


	private record Run(int exitCode, String output) {
	}

}
