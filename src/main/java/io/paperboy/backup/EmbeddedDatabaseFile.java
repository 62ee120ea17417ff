package io.paperboy.backup;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file that holds an embedded H2 database, read from its JDBC URL ({@code
 * jdbc:h2:file:/srv/paperboy/data/paperboy;AUTO_SERVER=TRUE} is {@code
 * /srv/paperboy/data/paperboy.mv.db}).
 *
 * @param file the database file, absolute
 */
record EmbeddedDatabaseFile(Path file) {

	/** H2's suffix for a database in its MVStore format, the only one H2 2.x writes. */
	static final String SUFFIX = ".mv.db";

	/**
	 * The database file a URL names, or nothing when the URL is not an embedded H2 database on a
	 * file (PostgreSQL, H2 in memory, H2 over TCP).
	 */
	static Optional<EmbeddedDatabaseFile> of(String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return Optional.empty();
		}
		String name = url.substring(8);
		int settings = name.indexOf(';');
		if (settings >= 0) {
			name = name.substring(0, settings);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.startsWith("file:")) {
			name = name.substring(5);
		}
		else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
				|| lower.startsWith("zip:")) {
			return Optional.empty();
		}
		if (name.isBlank()) {
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		return Optional.of(new EmbeddedDatabaseFile(Path.of(name + SUFFIX).toAbsolutePath().normalize()));
	}

}
