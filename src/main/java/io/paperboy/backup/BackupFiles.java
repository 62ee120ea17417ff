package io.paperboy.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** What backup and restore do to files: check a backup, copy its database out, make writes last. */
final class BackupFiles {

	private BackupFiles() {
	}

	/**
	 * Checks that the file is a backup as {@code BACKUP TO} writes it: a zip archive holding one H2
	 * database file.
	 * @throws IllegalStateException when it is not
	 */
	static void checkIsBackup(Path backup) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
			if (databaseEntry(zip) == null) {
				throw new IllegalStateException(backup + " is not a Paperboy backup: it holds no "
						+ EmbeddedDatabaseFile.SUFFIX + " database file.");
			}
		}
		catch (ZipException ex) {
			throw new IllegalStateException(backup + " is not a Paperboy backup: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Copies the database file out of a backup to {@code target}, forced to disk.
	 * @throws IllegalStateException when the file is not a backup
	 */
	static void extractDatabase(Path backup, Path target) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
			if (databaseEntry(zip) == null) {
				throw new IllegalStateException(backup + " is not a Paperboy backup: it holds no "
						+ EmbeddedDatabaseFile.SUFFIX + " database file.");
			}
			try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
				zip.transferTo(out);
			}
		}
		catch (ZipException ex) {
			throw new IllegalStateException(backup + " is not a Paperboy backup: " + ex.getMessage(), ex);
		}
		forceToDisk(target);
	}

	/** Positions the archive at its database file; null when it has none. */
	private static ZipEntry databaseEntry(ZipInputStream zip) throws IOException {
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			if (!entry.isDirectory() && entry.getName().endsWith(EmbeddedDatabaseFile.SUFFIX)) {
				return entry;
			}
		}
		return null;
	}

	/** Asks the operating system to put the file's bytes on the disk before going on. */
	static void forceToDisk(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/** Renames in one step, then forces the folder to disk so that the new name survives power loss too. */
	static void moveDurably(Path from, Path to) throws IOException {
		Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		try (FileChannel folder = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException ex) {
			// some systems cannot open a folder to force it; the rename itself has happened
		}
	}

	static String size(Path file) {
		try {
			long bytes = Files.size(file);
			return (bytes < 1024 * 1024) ? String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024)
					: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
		}
		catch (IOException ex) {
			return "size unknown";
		}
	}

	static boolean isEmptyFolder(Path folder) throws IOException {
		try (var entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
	}

}
