package io.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.paperboy.catalog.SaveOutcome;

/** What one run has done so far: papers added, updated and unchanged, records skipped and why. */
public final class IngestTally {

	/** Reasons kept in the run record; a run skipping thousands of records keeps the first ones. */
	static final int MESSAGES_KEPT = 20;

	private final Consumer<String> progress;

	private long added;

	private long updated;

	private long unchanged;

	private long skipped;

	private final List<String> messages = new ArrayList<>();

	public IngestTally(Consumer<String> progress) {
		this.progress = progress;
	}

	/** Counts what saving a page did. */
	public void count(Map<String, SaveOutcome> outcomes) {
		outcomes.values().forEach(this::count);
	}

	public void count(SaveOutcome outcome) {
		switch (outcome) {
			case CREATED -> this.added++;
			case UPDATED -> this.updated++;
			case UNCHANGED -> this.unchanged++;
		}
	}

	/** A record that could not be used, and why (e.g. "line 12: $.id: expected a string"). */
	public void skip(String reason) {
		this.skipped++;
		message(reason);
	}

	/** Something the operator should read, kept in the run record. */
	public void message(String text) {
		if (this.messages.size() < MESSAGES_KEPT) {
			this.messages.add(text);
		}
	}

	/** A line for whoever watches the run (the command line prints it; scheduled runs log it). */
	public void progress(String line) {
		this.progress.accept(line);
	}

	public long added() {
		return this.added;
	}

	public long updated() {
		return this.updated;
	}

	public long unchanged() {
		return this.unchanged;
	}

	public long skipped() {
		return this.skipped;
	}

	public List<String> messages() {
		return List.copyOf(this.messages);
	}

}
