package io.paperboy.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.paperboy.support.PaperboyCommand;
import io.paperboy.support.TestFolders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command line runs as its own process beside a running server on the same embedded database
 * (H2's automatic mixed mode), and the running site shows what it imported without a restart.
 */
@Tag("process")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBesideRunningServerTests {

	private static final Path DATA_DIR = TestFolders.create("paperboy-beside");

	private static final String DATABASE_URL = "jdbc:h2:file:" + DATA_DIR.resolve("paperboy")
			+ ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	@LocalServerPort
	int port;

	@Autowired
	private List<Verb> verbs;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void fileDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("paperboy.data-dir", DATA_DIR::toString);
	}

	/**
	 * One process for a good file and a rejected one (each process costs a whole application's
	 * start): the good file's papers show on the running site, and the rejection makes it exit 1.
	 */
	@Test
	void papersImportedByAnotherProcessShowOnTheRunningSiteAndARejectedFileMakesItExitNonZero() throws Exception {
		assertThat(get("/api/daily_papers?date=2025-06-02")).isEqualTo("[]");
		Path days = Files.createDirectory(DATA_DIR.resolve("days"));
		Files.writeString(days.resolve("2025-06-02.json"), """
				[{"paper": {"id": "2506.00001", "title": "Beside the server", "summary": "S.", "upvotes": 4,
				    "authors": [{"_id": "a", "name": "Ada", "hidden": false}], "publishedAt": "2025-05-30T17:00:00.000Z"},
				  "title": "Beside the server", "numComments": 0, "publishedAt": "2025-05-30T17:00:00.000Z"}]
				""");
		Files.writeString(days.resolve("2025-06-03.json"), "[{\"paper\": {\"id\": 7}}]");

		Run run = runCommandLine("import", "hf-daily", days.toString());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("Papers created:         1")
			.contains("2025-06-03.json: $[0].paper.id: expected a string but found a number");
		String papers = awaitBody("/api/daily_papers?date=2025-06-02", "2506.00001");
		assertThat(papers).contains("Beside the server");
	}

	@Test
	void helpListsTheVerbsWithoutStartingTheApplication() throws Exception {
		Run run = runCommandLine("help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("import hf-daily PATH...").doesNotContain("Spring");
		assertThat(this.verbs).isNotEmpty();
		for (Verb verb : this.verbs) {
			assertThat(run.output()).as("help names the verb %s", verb.name())
				.containsPattern("(?m)^  " + Pattern.quote(String.join(" ", verb.name())) + "( |$)");
		}
	}

	@Test
	void anUnknownVerbIsAUsageErrorWithoutStartingTheApplication() throws Exception {
		// a database nobody can reach: had the application started, it would have said so instead
		Run run = runIn(DATA_DIR, "frobnicate", "--spring.datasource.url=jdbc:postgresql://localhost:1/nowhere");

		assertThat(run.exitCode()).isEqualTo(VerbRunner.USAGE_ERROR);
		assertThat(run.output()).contains("Unknown verb: frobnicate").contains("Verbs:");
	}

	@Test
	void aVerbThatCannotReachItsDatabaseSaysWhyWithoutAStackTrace() throws Exception {
		Run run = runIn(DATA_DIR, "import", "hf-daily", DATA_DIR.toString(),
				"--spring.datasource.url=jdbc:postgresql://localhost:1/nowhere");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("paperboy: could not start:").contains("Connection to localhost:1 refused")
			.doesNotContain("\tat ");
	}

	@Test
	void aDataDirectoryWrittenWithoutDotSlashIsUnderTheWorkingDirectory() throws Exception {
		Path workingDirectory = Files.createTempDirectory(DATA_DIR, "cwd");
		Path day = Files.writeString(workingDirectory.resolve("2025-06-04.json"), "[]");

		// the application's own configuration only: the tests' in-memory database must not stand in
		Run run = runIn(workingDirectory, "import", "hf-daily", day.toString(), "--paperboy.data-dir=relative",
				"--spring.config.location=classpath:/application.properties");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(workingDirectory.resolve("relative/paperboy.mv.db")).exists();
	}

	private Run runCommandLine(String... words) throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of(words));
		// properties after the verb, as an operator may write them
		arguments.add("--spring.datasource.url=" + DATABASE_URL);
		arguments.add("--paperboy.data-dir=" + DATA_DIR);
		return runIn(DATA_DIR, arguments.toArray(String[]::new));
	}

	private Run runIn(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
		List<String> command = PaperboyCommand.of(arguments);
		Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private String awaitBody(String path, String expected) {
		return await(path + " to show " + expected).atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get(path), (body) -> body.contains(expected));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}


	private record Run(int exitCode, String output) {
	}

}
