package io.paperboy.backup;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL steps of docs/operations.md ("Backups"), run as written: {@code pg_dump
 * --format=custom} while members vote, then {@code pg_restore} into a new database.
 *
 * <p>{@code pg_dump} must be at least as new as the server, so this test runs Debian's PostgreSQL
 * server ({@code apt-get install postgresql}) beside Debian's client tools, both from
 * {@code /usr/lib/postgresql/N/bin}, rather than the newer embedded server the storage tests use.
 */
@Tag("process")
class PostgresDumpAndRestoreTests {

	private static final int UNPRIVILEGED_ID = 65534;

	private static Path folder;

	private static Path bin;

	private static Process server;

	private static int port;

	@BeforeAll
	static void startServer() throws Exception {
		Optional<Path> found = debianPostgres();
		assumeThat(found).as("Debian's postgresql package (/usr/lib/postgresql/N/bin)").isPresent();
		bin = found.get();
		folder = Files.createTempDirectory("paperboy-pg-dump");
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = Files.createDirectory(folder.resolve("data"));
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root) {
			Files.setAttribute(data, "unix:uid", UNPRIVILEGED_ID);
			Files.setAttribute(data, "unix:gid", UNPRIVILEGED_ID);
		}
		exec(asServerUser(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
				"--locale=C", "-E", "UTF8", "--no-sync"));
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = new ProcessBuilder(asServerUser(root, bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
				String.valueOf(port), "-k", data.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"))
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("server.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
			try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "")) {
				return connection.isValid(1);
			}
		});
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.destroy();
			server.waitFor(30, TimeUnit.SECONDS);
		}
		if (folder != null) {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	@Test
	void aDumpTakenDuringABurstOfVotesRestoresToAConsistentState() throws Exception {
		execute("postgres", "create database paperboy");
		Flyway.configure().dataSource(url("paperboy"), "postgres", "").locations("classpath:db/migration").load().migrate();
		// one data source for the statements and their transactions: with two, each statement would
		// run on a connection of its own, outside the transaction, and commit alone
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url("paperboy"), "postgres", "");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (int i = 1; i <= 12; i++) {
			jdbc.sql("insert into papers (id, title, summary, created_at, updated_at) values (?, 'T', 'S', now(), now())")
				.params("2506.%05d".formatted(i))
				.update();
		}
		List<Long> voters = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Thread writer = new Thread(() -> vote(jdbc, transaction, voters, stop, failure), "voter");
		writer.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> voters.size() >= 50 || failure.get() != null);
		Path dump = folder.resolve("paperboy.dump");

		exec(List.of(bin.resolve("pg_dump").toString(), "--format=custom", "--file=" + dump,
				"postgresql://postgres@127.0.0.1:" + port + "/paperboy"));
		int votedWhenDumpEnded = voters.size();
		await().atMost(Duration.ofSeconds(30)).until(() -> voters.size() >= votedWhenDumpEnded + 50 || failure.get() != null);
		stop.set(true);
		writer.join();
		execute("postgres", "create database paperboy_restored");
		exec(List.of(bin.resolve("pg_restore").toString(), "--exit-on-error", "--no-owner",
				"--dbname=postgresql://postgres@127.0.0.1:" + port + "/paperboy_restored", dump.toString()));

		assertThat(failure.get()).isNull();
		JdbcClient restored = JdbcClient.create(new DriverManagerDataSource(url("paperboy_restored"), "postgres", ""));
		Map<String, Long> counted = new HashMap<>();
		restored.sql("select paper_id, count(*) from votes group by paper_id")
			.query((RowCallbackHandler) (row) -> counted.put(row.getString(1), row.getLong(2)));
		Map<String, Long> kept = new HashMap<>();
		restored.sql("select id, member_votes from papers where member_votes > 0")
			.query((RowCallbackHandler) (row) -> kept.put(row.getString(1), row.getLong(2)));
		assertThat(kept).as("each paper's vote count equals its votes").isEqualTo(counted);
		List<Long> restoredVoters = restored.sql("select user_id from votes").query(Long.class).list();
		assertThat(restoredVoters).hasSizeGreaterThanOrEqualTo(50)
			.containsExactlyInAnyOrderElementsOf(voters.subList(0, restoredVoters.size()));
		assertThat(restored.sql("select count(*) from flyway_schema_history").query(Long.class).single()).isPositive();
	}

	/** A member's vote as Paperboy records it: the row and the paper's count in one transaction. */
	private static void vote(JdbcClient jdbc, TransactionTemplate transaction, List<Long> voters, AtomicBoolean stop,
			AtomicReference<Throwable> failure) {
		try {
			for (int i = 0; !stop.get(); i++) {
				String paper = "2506.%05d".formatted(1 + i % 12);
				String name = "voter" + i;
				Long member = transaction.execute((status) -> {
					long id = jdbc.sql("insert into users (username, display_name, created_at) values (?, ?, ?) returning id")
						.params(name, name, java.sql.Timestamp.from(Instant.now()))
						.query(Long.class)
						.single();
					jdbc.sql("insert into votes (paper_id, user_id, voted_at) values (?, ?, now())").params(paper, id).update();
					jdbc.sql("update papers set member_votes = member_votes + 1 where id = ?").params(paper).update();
					return id;
				});
				voters.add(member);
			}
		}
		catch (Throwable ex) {
			failure.set(ex);
		}
	}

	private static Optional<Path> debianPostgres() throws IOException {
		Path versions = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(versions)) {
			return Optional.empty();
		}
		try (Stream<Path> installed = Files.list(versions)) {
			return installed.map((version) -> version.resolve("bin"))
				.filter((candidate) -> Stream.of("initdb", "postgres", "pg_dump", "pg_restore")
					.allMatch((tool) -> Files.isExecutable(candidate.resolve(tool))))
				.max(Comparator.comparing((candidate) -> candidate.getParent().getFileName().toString()));
		}
	}

	/** PostgreSQL refuses to run as root: as root, run it as nobody. */
	private static List<String> asServerUser(boolean root, String... command) {
		List<String> line = new ArrayList<>();
		if (root) {
			line.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups"));
		}
		line.addAll(List.of(command));
		return line;
	}

	private static void exec(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
	}

	private static void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(database), "postgres", "")) {
			connection.createStatement().execute(sql);
		}
	}

	private static String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

}
