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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * A finished import forgets its checkpoint. Memory stays flat: a few batches of records at a time.
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
			// lines are read and parsed on a thread of their own while the previous batch is saved:
			// the database and the parsing overlap; the queue bounds the batches in memory
			BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(2);
			BatchReader reader = new BatchReader(in, position.line(), batchSize, batches);
			Thread thread = new Thread(reader, "snapshot-reader");
			thread.setDaemon(true);
			thread.start();
			try {
				while (true) {
					Batch batch = reader.take();
					position = commit(name, position, batch, batch.endOffset, batch.last, report, tally);
					if (batch.full || batch.last) {
						progress.committed(report, batch.fileBytesRead, in.fileSize());
					}
					if (batch.last) {
						break;
					}
					if (Thread.currentThread().isInterrupted()) {
						throw new IllegalStateException("interrupted after line " + position.line());
					}
				}
			}
			finally {
				thread.interrupt();
				joinQuietly(thread);
			}
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
			if (!last) {
				// the checkpoint commits with the batch: a database crash loses both, and the next run
				// saves the batch again; the last batch, after which the import reports success, waits
				this.checkpoints.commitWithoutWaitingForTheDisk();
			}
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

	private static void joinQuietly(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Lines read and parsed, to be saved in one transaction. */
	private static final class Batch {

		private final List<ArxivRecord> records = new ArrayList<>();

		private final Set<String> ids = new HashSet<>();

		private final List<String> skipped = new ArrayList<>();

		private long lines;

		/** Where the content after the batch starts: the next run's position. */
		private long endOffset;

		private long fileBytesRead;

		/** Whether it holds its full number of lines (not cut short by a paper listed twice). */
		private boolean full;

		/** Whether it ends the file. */
		private boolean last;

		private SnapshotCheckpoint after;

	}

	/** Reads the file into batches, on its own thread; a failure reaches the saving thread. */
	private final class BatchReader implements Runnable {

		private final SnapshotFile in;

		private final int batchSize;

		private final BlockingQueue<Batch> batches;

		private long line;

		private volatile Throwable failure;

		BatchReader(SnapshotFile in, long line, int batchSize, BlockingQueue<Batch> batches) {
			this.in = in;
			this.line = line;
			this.batchSize = batchSize;
			this.batches = batches;
		}

		/** The next batch, or what stopped the reading. */
		Batch take() throws IOException {
			try {
				Batch batch;
				while ((batch = this.batches.poll(100, TimeUnit.MILLISECONDS)) == null) {
					if (this.failure != null) {
						break;
					}
				}
				if (batch == null) {
					batch = this.batches.poll();
				}
				if (batch != null) {
					return batch;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted after line " + this.line, ex);
			}
			if (this.failure instanceof IOException io) {
				throw io;
			}
			if (this.failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(this.failure);
		}

		@Override
		public void run() {
			try {
				read();
			}
			catch (InterruptedException ex) {
				// the saving thread stopped: nothing more to read
			}
			catch (IOException | RuntimeException | Error ex) {
				this.failure = ex;
			}
		}

		private void read() throws IOException, InterruptedException {
			Batch batch = new Batch();
			while (true) {
				long lineStart = this.in.offset();
				if (!this.in.next()) {
					break;
				}
				this.line++;
				if (this.in.blank()) {
					batch.lines++;
					continue;
				}
				ArxivRecord record;
				try {
					if (this.in.tooLong()) {
						throw new MalformedLineException(null,
								"longer than " + SnapshotFile.MAX_LINE_BYTES / (1024 * 1024) + " MiB");
					}
					record = SnapshotImporter.this.parser.parse(this.in.bytes(), this.in.length());
				}
				catch (MalformedLineException ex) {
					batch.lines++;
					batch.skipped.add("line " + this.line + ": " + ex.getMessage());
					continue;
				}
				if (batch.ids.contains(record.id())) {
					// the same paper twice in one transaction would be saved as if new both times
					send(batch, lineStart, false);
					batch = new Batch();
				}
				batch.lines++;
				batch.records.add(record);
				batch.ids.add(record.id());
				if (batch.lines >= this.batchSize) {
					batch.full = true;
					send(batch, this.in.offset(), false);
					batch = new Batch();
				}
			}
			send(batch, this.in.offset(), true);
		}

		private void send(Batch batch, long endOffset, boolean last) throws InterruptedException {
			batch.endOffset = endOffset;
			batch.fileBytesRead = this.in.fileBytesRead();
			batch.last = last;
			this.batches.put(batch);
		}

	}

}
