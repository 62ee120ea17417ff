package io.paperboy.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.paperboy.cli.Verb;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code restore FILE}: brings a backup made by {@code backup} into an empty data directory.
 *
 * <p>It runs before anything opens the database or the search index (see
 * {@link RestoreConfiguration}), refuses a data directory that holds anything, and writes the
 * database file under a temporary name first, so an interrupted restore leaves no database behind.
 * The search index is not in a backup: it is derived, and Paperboy rebuilds it from the database
 * at its next start because it is missing.
 */
@Component
class RestoreVerb implements Verb {

	static final String USAGE = "Usage: restore FILE   (a file written by backup; into an empty paperboy.data-dir)";

	private final Environment environment;

	RestoreVerb(Environment environment) {
		this.environment = environment;
	}

	@Override
	public List<String> name() {
		return List.of("restore");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (operands.size() != 1) {
			err.println(USAGE);
			return 2;
		}
		Path backup = Path.of(operands.get(0)).toAbsolutePath().normalize();
		if (!Files.isRegularFile(backup)) {
			err.println("No such file: " + backup);
			return 2;
		}
		String url = this.environment.getProperty("spring.datasource.url");
		Optional<EmbeddedDatabaseFile> database = EmbeddedDatabaseFile.of(url);
		if (database.isEmpty()) {
			err.println("restore brings back the embedded H2 database; spring.datasource.url names another ("
					+ url + "). On PostgreSQL, use pg_restore (docs/operations.md, section Backups).");
			return 1;
		}
		Path dataDir = Path.of(this.environment.getProperty("paperboy.data-dir", "./data")).toAbsolutePath().normalize();
		Path databaseFile = database.get().file();
		try {
			Optional<String> refusal = refusal(dataDir, databaseFile);
			if (refusal.isPresent()) {
				err.println(refusal.get());
				return 1;
			}
			BackupFiles.checkIsBackup(backup);
			Files.createDirectories(databaseFile.getParent());
			Path partial = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
			Files.deleteIfExists(partial);
			BackupFiles.extractDatabase(backup, partial);
			BackupFiles.moveDurably(partial, databaseFile);
		}
		catch (IOException | IllegalStateException ex) {
			err.println("Restore failed: " + ex.getMessage());
			return 1;
		}
		try {
			long papers = countPapers(url);
			out.printf(Locale.ROOT, "Restored %s into %s: %d papers.%n", backup, dataDir, papers);
			out.println("The search index is rebuilt from the database when Paperboy starts.");
			return 0;
		}
		catch (SQLException ex) {
			deleteQuietly(databaseFile);
			err.println("Restore failed: the restored database does not open (" + ex.getMessage().lines().findFirst().orElse("")
					+ "); nothing was left in " + dataDir + ".");
			return 1;
		}
	}

	/** Why restoring here would overwrite something, if it would. */
	private Optional<String> refusal(Path dataDir, Path databaseFile) throws IOException {
		if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
			return Optional.of("Refusing to restore: " + dataDir + " is a file, not a data directory.");
		}
		if (Files.isDirectory(dataDir) && !BackupFiles.isEmptyFolder(dataDir)) {
			return Optional.of("Refusing to restore into " + dataDir + ": the data directory is not empty (it holds "
					+ names(dataDir) + "). Restore into a new folder with --paperboy.data-dir=NEW_FOLDER, "
					+ "or move this one aside.");
		}
		if (Files.exists(databaseFile)) {
			return Optional.of("Refusing to restore: " + databaseFile + " already exists.");
		}
		Path index = indexFolder(dataDir);
		if (Files.isDirectory(index) && !BackupFiles.isEmptyFolder(index)) {
			return Optional.of("Refusing to restore: the search index " + index + " belongs to another database. "
					+ "Delete that folder (it is rebuilt from the database) and run restore again.");
		}
		return Optional.empty();
	}

	private Path indexFolder(Path dataDir) {
		String configured = this.environment.getProperty("paperboy.search.index-dir");
		return (configured != null && !configured.isBlank()) ? Path.of(configured).toAbsolutePath()
				: dataDir.resolve("index");
	}

	private long countPapers(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url,
				this.environment.getProperty("spring.datasource.username", "sa"),
				this.environment.getProperty("spring.datasource.password", ""));
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("select count(*) from papers")) {
			count.next();
			return count.getLong(1);
		}
	}

	private static String names(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			List<String> names = entries.map((entry) -> entry.getFileName().toString()).sorted().toList();
			return String.join(", ", names.subList(0, Math.min(names.size(), 5))) + ((names.size() > 5) ? ", ..." : "");
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(file.resolveSibling(file.getFileName().toString()
				.replace(EmbeddedDatabaseFile.SUFFIX, ".trace.db")));
		}
		catch (IOException ex) {
			// already reporting the failure
		}
	}

}
