package io.paperboy.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One source as an operator sees it: its last run, its last success and its next run.
 *
 * @param source the source's name ({@code snapshot} for bulk imports)
 * @param state {@code on}, {@code off} (switched off by its property), or {@code import} for
 * recorded work that is not a scheduled source
 * @param lastRun its latest run, or null if it never ran
 * @param lastSuccess when a run of it last succeeded, or null
 * @param nextRun when it runs next on this site's schedule, or null when nothing is scheduled
 */
public record SourceStatus(String source, String state, IngestRun lastRun, Instant lastSuccess, Instant nextRun) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** A time as the status shows it, {@code 2025-06-02 12:30:00 UTC}; a dash for none. */
	public static String format(Instant time) {
		return (time != null) ? TIME.format(time) : "-";
	}

	/** A run's duration in seconds with one decimal, {@code 1.2 s}; a dash while it runs. */
	public static String format(Duration duration) {
		return (duration != null) ? String.format("%.1f s", duration.toMillis() / 1000.0) : "-";
	}

	/** The last run's outcome in words: {@code succeeded}, {@code failed}, {@code running}, {@code never run}. */
	public String outcome() {
		return (this.lastRun != null) ? this.lastRun.outcome().name().toLowerCase() : "never run";
	}

	public boolean failed() {
		return this.lastRun != null && this.lastRun.outcome() == IngestRun.Outcome.FAILED;
	}

}
