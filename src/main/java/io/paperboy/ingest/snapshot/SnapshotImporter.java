package io.paperboy.ingest.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.paperboy.catalog.ArxivRecord;
import io.paperboy.catalog.Catalog;
import io.paperboy.catalog.SaveOutcome;
import io.paperboy.ingest.Checkpoints;
import io.paperboy.ingest.IngestTally;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the arXiv metadata snapshot (JSON Lines, plain or gzipped) in batches of lines. Each
 * batch is saved in one transaction together with a checkpoint (the file's identity, the position
 * after the batch and the counts so far), so a run that stops for any reason resumes, when started
 * again on the same file, after the last committed batch: nothing is skipped, nothing done twice.
 * A finished import forgets its checkpoint. Memory stays flat: one batch of records at a time.
 */
@Service
class SnapshotImporter {

	private static final String CHECKPOINT_PREFIX = "arxiv-snapshot:";

	private final SnapshotLineParser parser;

	private final JsonMapper json;

	private final Catalog catalog;

	private final Checkpoints checkpoints;

	private final TransactionTemplate transactions;

	SnapshotImporter(JsonMapper json, Catalog catalog, Checkpoints checkpoints, TransactionTemplate transactions) {
		this.parser = new SnapshotLineParser(json);
		this.json = json;
		this.catalog = catalog;
		this.checkpoints = checkpoints;
		this.transactions = transactions;
	}

	/** Told after each committed batch; what it throws stops the import, as a crash would. */
	@FunctionalInterface
	interface Progress {

		void committed(SnapshotReport soFar, long fileBytesRead, long fileSize);

	}

	/**
	 * Imports a snapshot file, resuming after the batches an earlier run of the same file committed.
	 * @param restart whether to ignore such a checkpoint and start from the first line
	 * @param batchSize lines per transaction
	 * @param tally what this run did, for its run record
	 */
	SnapshotReport importFile(Path file, boolean restart, int batchSize, IngestTally tally, Progress progress)
			throws IOException {
		long started = System.nanoTime();
		SnapshotFile.Identity identity = SnapshotFile.Identity.of(file);
		String name = checkpointName(identity.path());
		SnapshotCheckpoint position = SnapshotCheckpoint.start(identity);
		SnapshotReport report = new SnapshotReport();
		if (!restart) {
			Optional<SnapshotCheckpoint> stored = readCheckpoint(name);
			if (stored.isPresent() && stored.get().isOf(identity)) {
				position = stored.get();
				report.resume(position);
				tally.message("resumed after line " + position.line());
			}
			else if (stored.isPresent()) {
				tally.message("the file changed since the interrupted import; starting from the first line");
			}
		}
		try (SnapshotFile in = SnapshotFile.open(file, position.offset())) {
			Batch batch = new Batch();
			long line = position.line();
			while (true) {
				long lineStart = in.offset();
				if (!in.next()) {
					break;
				}
				line++;
				if (in.blank()) {
					batch.lines++;
					continue;
				}
				ArxivRecord record;
				try {
					if (in.tooLong()) {
						throw new MalformedLineException(null,
								"longer than " + SnapshotFile.MAX_LINE_BYTES / (1024 * 1024) + " MiB");
					}
					record = this.parser.parse(in.bytes(), in.length());
				}
				catch (MalformedLineException ex) {
					batch.lines++;
					batch.skipped.add("line " + line + ": " + ex.getMessage());
					continue;
				}
				if (batch.ids.contains(record.id())) {
					// the same paper twice in one transaction would be saved as if new both times
					position = commit(name, position, batch, lineStart, false, report, tally);
					batch = new Batch();
				}
				batch.lines++;
				batch.records.add(record);
				batch.ids.add(record.id());
				if (batch.lines >= batchSize) {
					position = commit(name, position, batch, in.offset(), false, report, tally);
					batch = new Batch();
					progress.committed(report, in.fileBytesRead(), in.fileSize());
					if (Thread.currentThread().isInterrupted()) {
						throw new IllegalStateException("interrupted after line " + position.line());
					}
				}
			}
			commit(name, position, batch, in.offset(), true, report, tally);
			progress.committed(report, in.fileBytesRead(), in.fileSize());
		}
		report.finished(Duration.ofNanos(System.nanoTime() - started));
		return report;
	}

	/**
	 * Saves a batch and moves the checkpoint past it in one transaction; the last batch forgets the
	 * checkpoint instead.
	 */
	private SnapshotCheckpoint commit(String name, SnapshotCheckpoint before, Batch batch, long offset, boolean last,
			SnapshotReport report, IngestTally tally) {
		Map<String, SaveOutcome> saved = this.transactions.execute((status) -> {
			Map<String, SaveOutcome> result = batch.records.isEmpty() ? Map.of()
					: this.catalog.saveArxivRecords(batch.records);
			long[] counts = new long[3];
			result.values().forEach((outcome) -> counts[outcome.ordinal()]++);
			SnapshotCheckpoint next = new SnapshotCheckpoint(before.path(), before.size(), before.headHash(), offset,
					before.line() + batch.lines, before.created() + counts[SaveOutcome.CREATED.ordinal()],
					before.updated() + counts[SaveOutcome.UPDATED.ordinal()],
					before.unchanged() + counts[SaveOutcome.UNCHANGED.ordinal()],
					before.skipped() + batch.skipped.size());
			if (last) {
				this.checkpoints.clear(name);
			}
			else {
				this.checkpoints.write(name, this.json.writeValueAsString(next));
			}
			batch.after = next;
			return result;
		});
		report.add(batch.lines, saved, batch.skipped);
		tally.count(saved);
		batch.skipped.forEach(tally::skip);
		return batch.after;
	}

	private Optional<SnapshotCheckpoint> readCheckpoint(String name) {
		return this.checkpoints.read(name).flatMap((state) -> {
			try {
				return Optional.of(this.json.readValue(state, SnapshotCheckpoint.class));
			}
			catch (JacksonException ex) {
				return Optional.empty();
			}
		});
	}

	/** One checkpoint per file path; a path too long for the table is named by its hash. */
	static String checkpointName(String path) {
		if (CHECKPOINT_PREFIX.length() + path.length() <= 400) {
			return CHECKPOINT_PREFIX + path;
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
			return CHECKPOINT_PREFIX + "sha256:" + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The lines read since the last commit. */
	private static final class Batch {

		private final List<ArxivRecord> records = new ArrayList<>();

		private final Set<String> ids = new HashSet<>();

		private final List<String> skipped = new ArrayList<>();

		private long lines;

		private SnapshotCheckpoint after;

	}

}
