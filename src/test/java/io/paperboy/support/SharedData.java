package io.paperboy.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real data in {@code ../shared/data}, read in place (never copied into the repository).
 * Tests that need it are skipped, with a message saying why, where it is absent; in CI it is
 * always present.
 */
public final class SharedData {

	private static final Path ROOT = Path.of(System.getProperty("paperboy.shared-data", "../shared/data"));

	private SharedData() {
	}

	/** A path under the shared data folder; skips the calling test when it is absent. */
	public static Path require(String relative) {
		Path path = ROOT.resolve(relative);
		Assumptions.assumeTrue(Files.exists(path),
				() -> "Skipped: real data " + path.toAbsolutePath() + " is absent (it is present in CI)");
		return path;
	}

	/**
	 * Whether Hugging Face's daily papers are here, for {@code @EnabledIf} on a class that reads them
	 * while it is initialised (an assumption failing there would be an error, not a skip).
	 */
	public static boolean hfDailyPapersPresent() {
		return Files.isDirectory(ROOT.resolve("hf-daily-papers"));
	}

	/** The 521 days of Hugging Face's daily papers, one file per day. */
	public static Path hfDailyPapers() {
		return require("hf-daily-papers");
	}

	/** One real day of Hugging Face's daily papers. */
	public static Path hfDailyPapers(String day) {
		return require("hf-daily-papers/" + day + ".json");
	}

}
