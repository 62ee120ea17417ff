package io.paperboy.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.paperboy.cli.Verb;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code backup FILE}: a consistent copy of the embedded database, taken while Paperboy runs.
 *
 * <p>H2's {@code BACKUP TO} copies the database file inside the process that holds it (through
 * {@code AUTO_SERVER}, the running server), with reuse of free space switched off for the copy: a
 * commit made meanwhile is appended after what is being copied, never written over it, so the copy
 * opens as the database stood at one commit. H2 documents this as transactionally consistent while
 * the database is in use; it promises no such thing of {@code SCRIPT} (SQL written table after
 * table, and slow to replay) or of copying the file.
 *
 * <p>The copy is written beside {@code FILE} under a temporary name, forced to disk and only then
 * given its name, so a backup that bears its name is whole.
 */
@Component
class BackupVerb implements Verb {

	static final String USAGE = "Usage: backup FILE   (a new file: a consistent copy of the embedded database)";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	BackupVerb(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	@Override
	public List<String> name() {
		return List.of("backup");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (operands.size() != 1) {
			err.println(USAGE);
			return 2;
		}
		// absolute: the running server, whose working directory may differ, writes the file
		Path target = Path.of(operands.get(0)).toAbsolutePath().normalize();
		if (Files.exists(target)) {
			err.println(target + " already exists: a backup never replaces a file; choose a new name.");
			return 1;
		}
		if (!Files.isDirectory(target.getParent())) {
			err.println("No such folder: " + target.getParent());
			return 2;
		}
		if (!isH2()) {
			err.println("backup copies the embedded H2 database; this one is not. On PostgreSQL, use pg_dump "
					+ "--format=custom and pg_restore (docs/operations.md, section Backups).");
			return 1;
		}
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			Files.deleteIfExists(partial);
			this.jdbc.sql("BACKUP TO '" + partial.toString().replace("'", "''") + "'").update();
			BackupFiles.checkIsBackup(partial);
			BackupFiles.forceToDisk(partial);
			BackupFiles.moveDurably(partial, target);
		}
		catch (DataAccessException | IOException | IllegalStateException ex) {
			deleteQuietly(partial);
			err.println("Backup failed: " + firstLine(ex));
			return 1;
		}
		out.printf(Locale.ROOT, "Backup written to %s (%s).%n", target, BackupFiles.size(target));
		out.println("Restore it into an empty data directory with: java -jar paperboy.jar restore " + target
				+ " --paperboy.data-dir=NEW_FOLDER");
		return 0;
	}

	private boolean isH2() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database: " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the failure already reported matters more; a leftover .partial never bears the backup's name
		}
	}

	private static String firstLine(Exception ex) {
		Throwable cause = (ex.getCause() != null && ex instanceof DataAccessException) ? ex.getCause() : ex;
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return message.strip().lines().findFirst().orElse(message);
	}

}
