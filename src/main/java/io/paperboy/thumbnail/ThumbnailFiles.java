package io.paperboy.thumbnail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The images on disk: {@code <dir>/<shard>/<id>.jpg}, the shard being the year and month of the
 * id ({@code 2401/2401.00001.jpg}; {@code hep-th-9901/hep-th-9901001.jpg} for an old-style id), so
 * no folder holds more than a month of papers. An image is written to a temporary file in its
 * folder and moved into place, so a reader (or a process killed mid-write) never sees half of one.
 */
class ThumbnailFiles {

	/** What an id may hold to become a file name: arXiv ids only, nothing that climbs folders. */
	private static final Pattern SAFE_ID = Pattern.compile("[a-z]+(?:-[a-z]+)?(?:\\.[A-Za-z]{2})?/\\d{7}|\\d{4}\\.\\d{4,5}");

	private final Path dir;

	ThumbnailFiles(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	Path dir() {
		return this.dir;
	}

	/** The image of a paper, if one has been made. */
	Optional<Path> find(String paperId) {
		Path file = fileOf(paperId);
		return (file != null && Files.isRegularFile(file)) ? Optional.of(file) : Optional.empty();
	}

	/** Keeps the image of a paper, replacing any it had, all at once. */
	void save(String paperId, byte[] jpeg) {
		Path file = fileOf(paperId);
		if (file == null) {
			throw new IllegalArgumentException("Not an arXiv id: " + paperId);
		}
		try {
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), ".writing-", ".tmp");
			try {
				Files.write(temporary, jpeg);
				try {
					Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the thumbnail of " + paperId + " in " + file.getParent(), ex);
		}
	}

	/** A scratch file for a download, in the same folder tree; the caller deletes it. */
	Path scratch() {
		try {
			Path folder = this.dir.resolve("downloads");
			Files.createDirectories(folder);
			return Files.createTempFile(folder, "paper-", ".pdf");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write in " + this.dir, ex);
		}
	}

	/** The file of a paper's image, or null for anything that is not an arXiv id without version. */
	Path fileOf(String paperId) {
		if (paperId == null || !SAFE_ID.matcher(paperId).matches()) {
			return null;
		}
		String name = paperId.replace('/', '-');
		int slash = paperId.indexOf('/');
		String shard = (slash >= 0) ? paperId.substring(0, slash) + "-" + paperId.substring(slash + 1, slash + 5)
				: paperId.substring(0, 4);
		return this.dir.resolve(shard).resolve(name + ".jpg");
	}

}
