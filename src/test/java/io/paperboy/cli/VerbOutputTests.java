package io.paperboy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.paperboy.support.PaperboyCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a verb prints, run as an operator runs it (its own process, the application's own
 * configuration): its own words only, no framework warning ahead of them, and links on the
 * {@code paperboy.base-url} its environment gives it.
 */
@Tag("process")
class VerbOutputTests {

	@TempDir
	Path folder;

	@Test
	void digestPreviewPrintsOnlyItsOwnWordsWithLinksOnTheBaseUrlOfItsSettings() throws Exception {
		Path data = this.folder.resolve("data");

		Run fresh = run(Map.of(), "digest", "preview", "ada@example.org", "--paperboy.data-dir=" + data);
		assertThat(fresh.code()).isEqualTo(1);
		assertThat(fresh.output()).as("no Flyway warning about H2's version heads the output")
			.contains("No subscription for ada@example.org")
			.doesNotContain("Flyway")
			.doesNotContain("WARN");

		subscribe(data, "ada@example.org");
		Run unset = run(Map.of(), "digest", "preview", "ada@example.org", "--paperboy.data-dir=" + data);
		assertThat(unset.code()).isZero();
		assertThat(unset.output()).contains("http://localhost:8080/digest/unsubscribe/")
			.contains("Note: the links start with http://localhost:8080")
			.doesNotContain("WARN");

		Run configured = run(Map.of("PAPERBOY_BASE_URL", "https://papers.example.org"), "digest", "preview",
				"ada@example.org", "--paperboy.data-dir=" + data);
		assertThat(configured.code()).isZero();
		assertThat(configured.output()).startsWith("Subject: Trending papers")
			.contains("https://papers.example.org/digest/unsubscribe/")
			.doesNotContain("localhost")
			.doesNotContain("Note:")
			.doesNotContain("WARN");
	}

	private Run run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
		List<String> command = PaperboyCommand.of(arguments);
		command.add("--spring.config.location=classpath:/application.properties");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.folder.toFile()).redirectErrorStream(true);
		builder.environment().remove("PAPERBOY_BASE_URL");
		builder.environment().putAll(environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	/** A confirmed subscription, written as the server would have (the verb's process has ended). */
	private static void subscribe(Path data, String email) throws SQLException {
		String url = "jdbc:h2:file:" + data.resolve("paperboy")
				+ ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone, paper_count,
					    categories, keywords, min_upvotes, ordering, created_at, requested_at, confirmed_at)
					values ('%s', 'confirmed', 'daily', 1, 6, 'UTC', 10, '', '', 0, 'trending', now(), now(), now())
					""".formatted(email));
		}
	}

	private record Run(int code, String output) {
	}

}
