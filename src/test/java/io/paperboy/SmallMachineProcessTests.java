package io.paperboy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.paperboy.support.NodeProcess;
import io.paperboy.support.PaperboyCommand;
import io.paperboy.support.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paperboy on the JVM flags docs/operations.md recommends for a machine of 1 GB ("Memory and
 * sizing": a heap of 256 MB, the serial collector, exit on running out of memory): a server imports
 * a few hundred real papers beside it, loads the embedding model, and serves a day page, the API, a
 * search and its health without running out of memory. What it measures in MB is bench/memory.sh's
 * job; this test says the flags are enough to work at all.
 */
@Tag("process")
class SmallMachineProcessTests {

	/** The recommended flags, as docs/operations.md's unit file has them (beside the quick-start ones of the tests). */
	static final List<String> SMALL_MACHINE = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

	private static final int DAYS = 10;

	@TempDir
	Path directory;

	@Test
	void aServerWithTheSmallMachineFlagsImportsAFewHundredPapersAndServesThemWithoutRunningOutOfMemory()
			throws Exception {
		List<Path> days = lastDays(SharedData.hfDailyPapers());
		String day = days.get(days.size() - 1).getFileName().toString().replace(".json", "");
		Path data = this.directory.resolve("node");
		String database = "jdbc:h2:file:" + data.resolve("paperboy")
				+ ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		List<String> server = new ArrayList<>(List.of("--spring.datasource.url=" + database,
				"--paperboy.search.embeddings=true", "--paperboy.search.catch-up-interval=1s"));
		try (NodeProcess node = NodeProcess.start("node", this.directory, SMALL_MACHINE, server)) {
			// patient: on a busy machine the start alone can take minutes
			node.awaitReady(Duration.ofMinutes(5));

			List<String> arguments = new ArrayList<>(List.of("import", "hf-daily"));
			days.forEach((path) -> arguments.add(path.toAbsolutePath().toString()));
			arguments.addAll(List.of("--spring.datasource.url=" + database, "--paperboy.data-dir=" + data));
			Run run = run(arguments);
			assertThat(run.exitCode()).as(run.output()).isZero();
			assertThat(run.output()).containsPattern("Papers created: +[1-9][0-9]{2}");

			HttpResponse<String> api = node.get("/api/daily_papers?date=" + day);
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.body()).startsWith("[{");
			HttpResponse<String> page = node.get("/papers/date/" + day);
			assertThat(page.statusCode()).as(node.logTail(4_000)).isEqualTo(200);
			// the default mode embeds the query: the model and ONNX Runtime load in this small process (the
			// first time can outlast one request's deadline on a busy machine, hence asking again)
			HttpResponse<String> search = await().atMost(Duration.ofMinutes(3))
				.ignoreExceptions()
				.until(() -> node.get("/papers/search?q=language+model+reasoning"), (response) -> response != null);
			assertThat(search.statusCode()).as(node.logTail(4_000)).isEqualTo(200);
			HttpResponse<String> health = node.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");

			assertThat(node.isAlive()).as(node.logTail(4_000)).isTrue();
			assertThat(node.logTail(Integer.MAX_VALUE)).doesNotContain("OutOfMemoryError");
			assertThat(run.output()).doesNotContain("OutOfMemoryError");
		}
	}

	/** The last {@value #DAYS} days of the archive: some 300 papers. */
	private static List<Path> lastDays(Path archive) throws IOException {
		try (Stream<Path> files = Files.list(archive)) {
			List<Path> days = files.filter((path) -> path.getFileName().toString().endsWith(".json")).sorted().toList();
			return days.subList(days.size() - DAYS, days.size());
		}
	}

	private Run run(List<String> arguments) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(PaperboyCommand.of(SMALL_MACHINE, arguments))
			.directory(this.directory.toFile())
			.redirectErrorStream(true)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {
	}

}
