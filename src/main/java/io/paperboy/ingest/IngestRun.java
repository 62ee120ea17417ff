package io.paperboy.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run of a source, as recorded.
 *
 * @param id the run's number
 * @param source the source's name
 * @param trigger how it started: {@code schedule}, {@code command}, {@code backfill}, {@code admin}
 * @param arguments the options it was given, as words
 * @param startedAt when it started
 * @param finishedAt when it ended, null while it runs
 * @param outcome running, succeeded, failed or interrupted
 * @param added papers added
 * @param updated papers updated
 * @param unchanged papers seen again with nothing new
 * @param skipped records skipped as malformed
 * @param messages the failure, or reasons for skipped records
 */
public record IngestRun(long id, String source, String trigger, String arguments, Instant startedAt,
		Instant finishedAt, Outcome outcome, long added, long updated, long unchanged, long skipped,
		List<String> messages) {

	public IngestRun {
		messages = List.copyOf(messages);
	}

	public Duration duration() {
		return (this.finishedAt != null) ? Duration.between(this.startedAt, this.finishedAt) : null;
	}

	/** How a run ended. */
	public enum Outcome {

		RUNNING, SUCCEEDED, FAILED,

		/**
		 * The application stopped (SIGTERM, or killed, crashed) before the run ended; what its pages
		 * saved stays, and the next run goes on from there.
		 */
		INTERRUPTED;

		String column() {
			return name().toLowerCase();
		}

		static Outcome ofColumn(String value) {
			return valueOf(value.toUpperCase());
		}

	}

}
