package io.paperboy.ingest.snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.paperboy.catalog.SaveOutcome;

/**
 * What an import of a snapshot file did, for the summary printed at its end. The counts cover the
 * whole file, across runs resumed after an interruption: what an earlier run committed is carried
 * in the checkpoint.
 */
final class SnapshotReport {

	/** Skipped lines whose reasons the summary lists; the rest are only counted. */
	static final int REASONS_KEPT = 100;

	private long linesRead;

	private long created;

	private long updated;

	private long unchanged;

	private long skipped;

	private final List<String> reasons = new ArrayList<>();

	private long resumedAfterLine;

	private long papersThisRun;

	private Duration elapsed = Duration.ZERO;

	/** The counts committed by earlier runs of the same file. */
	void resume(SnapshotCheckpoint checkpoint) {
		this.resumedAfterLine = checkpoint.line();
		this.linesRead = checkpoint.line();
		this.created = checkpoint.created();
		this.updated = checkpoint.updated();
		this.unchanged = checkpoint.unchanged();
		this.skipped = checkpoint.skipped();
	}

	/** Adds what one batch did, once its transaction committed. */
	void add(long lines, Map<String, SaveOutcome> outcomes, List<String> skippedReasons) {
		this.linesRead += lines;
		for (SaveOutcome outcome : outcomes.values()) {
			switch (outcome) {
				case CREATED -> this.created++;
				case UPDATED -> this.updated++;
				case UNCHANGED -> this.unchanged++;
			}
		}
		this.papersThisRun += outcomes.size();
		this.skipped += skippedReasons.size();
		for (String reason : skippedReasons) {
			if (this.reasons.size() < REASONS_KEPT) {
				this.reasons.add(reason);
			}
		}
	}

	void finished(Duration elapsed) {
		this.elapsed = elapsed;
	}

	long linesRead() {
		return this.linesRead;
	}

	long created() {
		return this.created;
	}

	long updated() {
		return this.updated;
	}

	long unchanged() {
		return this.unchanged;
	}

	long skipped() {
		return this.skipped;
	}

	/** The reasons of the first skipped lines this run read ("line 12: $.versions: ..."). */
	List<String> reasons() {
		return List.copyOf(this.reasons);
	}

	/** The line an earlier, interrupted run had committed, or 0 when this run started at the top. */
	long resumedAfterLine() {
		return this.resumedAfterLine;
	}

	/** Papers saved per second by this run. */
	double rate() {
		double seconds = this.elapsed.toNanos() / 1e9;
		return (seconds > 0) ? this.papersThisRun / seconds : 0;
	}

	/** The summary as the command line prints it. */
	String summary() {
		StringBuilder text = new StringBuilder();
		if (this.resumedAfterLine > 0) {
			text.append("Resumed after line ").append(this.resumedAfterLine)
				.append(" (committed by an earlier run; counts cover the whole file)\n");
		}
		text.append("Lines read:         ").append(this.linesRead).append('\n');
		text.append("Papers created:     ").append(this.created).append('\n');
		text.append("Papers updated:     ").append(this.updated).append('\n');
		text.append("Papers unchanged:   ").append(this.unchanged).append('\n');
		text.append("Lines skipped:      ").append(this.skipped).append('\n');
		for (String reason : this.reasons) {
			text.append("  ").append(reason).append('\n');
		}
		long unlisted = this.skipped - this.reasons.size();
		if (unlisted > 0) {
			text.append("  (").append(unlisted).append(" more not listed")
				.append((this.resumedAfterLine > 0) ? "; an earlier run listed those it read" : "")
				.append(")\n");
		}
		text.append(String.format("Rate:               %.0f papers/s (%d papers in %.1f s)%n", rate(),
				this.papersThisRun, this.elapsed.toNanos() / 1e9));
		return text.toString();
	}

}
