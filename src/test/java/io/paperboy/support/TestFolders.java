package io.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/**
 * Folders for tests whose files outlive the test class: a data directory that a cached application
 * context keeps open until the test run ends, or one that a killed process may still be writing
 * to. They are made under the build's own folder ({@code target/test-folders}), so that they go
 * with {@code mvnw clean} or the clone instead of piling up in the machine's temporary folder.
 */
public final class TestFolders {

	private static final Path ROOT = Path.of(System.getProperty("user.dir"), "target", "test-folders");

	private TestFolders() {
	}

	/** A new, empty folder whose name starts with {@code prefix}. */
	public static Path create(String prefix) {
		try {
			return Files.createTempDirectory(Files.createDirectories(ROOT), prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a folder and what it holds, as far as it can: a leftover is not a test's failure. */
	public static void deleteQuietly(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			// a file still held open by a dying process; the folder goes with the build's folder
		}
	}

}
