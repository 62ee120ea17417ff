package io.paperboy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.paperboy.support.PaperboyCommand;
import io.paperboy.support.ScriptedHttpServer;
import io.paperboy.support.TestFolders;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM stops a real server process within 30 s while its sources are retrying, and their runs
 * are recorded as interrupted, not left running: the next start runs them again. The sources'
 * retries keep realistic, long waits, so the process is asleep in a backoff or blocked on a read
 * when it is signalled.
 */
@Tag("process")
class StoppingProcessTests {

	private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

	private final Path dataDir = TestFolders.create("paperboy-stopping");

	private final List<Server> servers = new ArrayList<>();

	@AfterEach
	void killLeftovers() {
		this.servers.forEach((server) -> server.process.destroyForcibly());
	}

	@Test
	void aServerWhoseSourceWaitsForAnAnswerThatNeverComesStopsPromptlyAndRecordsTheRunAsInterrupted()
			throws Exception {
		try (ScriptedHttpServer silent = ScriptedHttpServer.start()) {
			// accepts the connection, reads the request and says nothing for longer than the test lasts
			silent.always().thenStall(Duration.ofMinutes(10));
			Server server = start(silent.port());
			await().atMost(Duration.ofMinutes(2)).until(() -> !silent.requests().isEmpty());

			server.process.destroy();

			assertThat(server.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
				.as("stopped within %s; output:%n%s", STOP_WITHIN, server.output).isTrue();
		}
		assertThat(runs("arxiv")).as("the runs of arxiv").isNotEmpty().allSatisfy((run) -> {
			assertThat(run.outcome()).isEqualTo("interrupted");
			assertThat(run.messages()).contains("the application stopped");
		});
	}

	@Test
	void aServerWhoseSourceIsWaitingToRetryAClosedPortStopsPromptlyAndTheNextStartRunsTheSourceAgain()
			throws Exception {
		int closedPort = closedPort();
		Server first = start(closedPort);
		awaitArxivRetry(first);

		first.process.destroy();

		assertThat(first.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
			.as("stopped within %s; output:%n%s", STOP_WITHIN, first.output).isTrue();
		assertThat(runs("arxiv")).as(first.output.toString()).singleElement().satisfies((run) -> assertThat(run.outcome()).isEqualTo("interrupted"));

		Server second = start(closedPort);
		awaitArxivRetry(second);
		second.process.destroy();

		assertThat(second.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS))
			.as("stopped within %s; output:%n%s", STOP_WITHIN, second.output).isTrue();
		assertThat(runs("arxiv")).as(second.output.toString()).hasSize(2).allSatisfy((run) -> assertThat(run.outcome()).isEqualTo("interrupted"));
	}

	/**
	 * Waits until the server's arXiv source waits to try again; if it never does, the failure shows
	 * what the server printed (a busy machine can take minutes to start a server and its sources).
	 */
	private static void awaitArxivRetry(Server server) {
		try {
			await().atMost(Duration.ofMinutes(3)).until(() -> waitsToRetryArxiv(server));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the arXiv source never said it would try again; the server printed:%n%s"
				.formatted(server.output), ex);
		}
	}

	/**
	 * Whether the server's arXiv source waits to try again: the other sources' retries come first
	 * or later, depending on how busy the machine is.
	 */
	private static boolean waitsToRetryArxiv(Server server) {
		return server.output.toString().lines().anyMatch((line) -> line.contains("/api/query") && line.contains("; trying again in"));
	}

	private Server start(int arxivPort) throws IOException {
		String upstream = "http://127.0.0.1:" + arxivPort;
		List<String> command = PaperboyCommand.of("--server.port=0",
				"--spring.datasource.url=" + databaseUrl(), "--paperboy.data-dir=" + this.dataDir,
				"--paperboy.search.index-dir=" + this.dataDir.resolve("index"),
				// the first-start backfill of every source, at once
				"--db-scheduler.enabled=true", "--db-scheduler.polling-interval=1s",
				"--paperboy.schedules.backfill-delay=0s",
				"--paperboy.sources.arxiv.api-url=" + upstream + "/api/query",
				"--paperboy.sources.arxiv.oai-url=" + upstream + "/oai2", "--paperboy.sources.hf.api-url=" + upstream,
				// as in production: a minute for an answer, minutes between attempts
				"--paperboy.sources.http.request-timeout=60s", "--paperboy.sources.http.backoff=5m",
				"--paperboy.sources.http.max-backoff=10m", "--logging.level.io.paperboy.ingest=INFO");
		Process process = new ProcessBuilder(command).directory(this.dataDir.toFile()).redirectErrorStream(true).start();
		Server server = new Server(process, new StringBuffer());
		Thread reader = new Thread(() -> copy(process.getInputStream(), server.output), "server-output");
		reader.setDaemon(true);
		reader.start();
		this.servers.add(server);
		return server;
	}

	private static void copy(InputStream in, StringBuffer output) {
		byte[] buffer = new byte[8192];
		try (in) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private List<Run> runs(String source) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "")) {
			var statement = connection
				.prepareStatement("select outcome, messages from ingest_runs where source = ? order by id");
			statement.setString(1, source);
			List<Run> runs = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					runs.add(new Run(rows.getString(1), String.valueOf(rows.getString(2))));
				}
			}
			return runs;
		}
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.dataDir.resolve("paperboy")
				+ ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}


	private record Server(Process process, StringBuffer output) {
	}

	private record Run(String outcome, String messages) {
	}

}
