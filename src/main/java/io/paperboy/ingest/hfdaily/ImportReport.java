package io.paperboy.ingest.hfdaily;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.paperboy.catalog.SaveOutcome;

/** What an import of daily-papers files did, for the summary printed at its end. */
final class ImportReport {

	private int filesRead;

	private int papersCreated;

	private int papersUpdated;

	private int papersUnchanged;

	private int entriesCreated;

	private int entriesUpdated;

	private final List<Rejection> rejections = new ArrayList<>();

	private final List<Rejection> dropped = new ArrayList<>();

	/** A file that was not imported, and why; or a value left out of a file that was. */
	record Rejection(Path file, String reason) {
	}

	void fileRead() {
		this.filesRead++;
	}

	void rejected(Path file, String reason) {
		this.rejections.add(new Rejection(file, reason));
	}

	/** A value left out of a file that was imported (a link that is not http or https, say), and why. */
	void dropped(Path file, String what) {
		this.dropped.add(new Rejection(file, what));
	}

	void paper(SaveOutcome outcome) {
		switch (outcome) {
			case CREATED -> this.papersCreated++;
			case UPDATED -> this.papersUpdated++;
			case UNCHANGED -> this.papersUnchanged++;
		}
	}

	void entry(SaveOutcome outcome) {
		switch (outcome) {
			case CREATED -> this.entriesCreated++;
			case UPDATED -> this.entriesUpdated++;
			case UNCHANGED -> {
			}
		}
	}

	/** Adds what one file did, once its transaction committed. */
	void add(ImportReport file) {
		this.papersCreated += file.papersCreated;
		this.papersUpdated += file.papersUpdated;
		this.papersUnchanged += file.papersUnchanged;
		this.entriesCreated += file.entriesCreated;
		this.entriesUpdated += file.entriesUpdated;
	}

	int filesRead() {
		return this.filesRead;
	}

	int papersCreated() {
		return this.papersCreated;
	}

	int papersUpdated() {
		return this.papersUpdated;
	}

	int papersUnchanged() {
		return this.papersUnchanged;
	}

	int entriesCreated() {
		return this.entriesCreated;
	}

	int entriesUpdated() {
		return this.entriesUpdated;
	}

	List<Rejection> rejections() {
		return List.copyOf(this.rejections);
	}

	List<Rejection> dropped() {
		return List.copyOf(this.dropped);
	}

	boolean hasRejections() {
		return !this.rejections.isEmpty();
	}

	/** The summary as the command line prints it. */
	String summary() {
		StringBuilder text = new StringBuilder();
		text.append("Files read:             ").append(this.filesRead).append('\n');
		text.append("Papers created:         ").append(this.papersCreated).append('\n');
		text.append("Papers updated:         ").append(this.papersUpdated).append('\n');
		text.append("Papers unchanged:       ").append(this.papersUnchanged).append('\n');
		text.append("Daily entries created:  ").append(this.entriesCreated).append('\n');
		text.append("Daily entries moved or updated: ").append(this.entriesUpdated).append('\n');
		text.append("Files rejected:         ").append(this.rejections.size()).append('\n');
		for (Rejection rejection : this.rejections) {
			text.append("  ").append(rejection.file()).append(": ").append(rejection.reason()).append('\n');
		}
		if (!this.dropped.isEmpty()) {
			text.append("Values dropped:         ").append(this.dropped.size()).append('\n');
			for (Rejection value : this.dropped) {
				text.append("  ").append(value.file()).append(": ").append(value.reason()).append('\n');
			}
		}
		return text.toString();
	}

}
