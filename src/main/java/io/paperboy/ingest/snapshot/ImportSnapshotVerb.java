package io.paperboy.ingest.snapshot;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.paperboy.Stopping;
import io.paperboy.cli.Verb;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.stereotype.Component;

/**
 * {@code import arxiv-snapshot FILE [--restart]}: loads the arXiv metadata snapshot, resuming an
 * interrupted import of the same file unless told to restart. The run is recorded like a source's,
 * so {@code ingest status} shows it as {@code snapshot}.
 */
@Component
class ImportSnapshotVerb implements Verb {

	static final String USAGE = "Usage: import arxiv-snapshot FILE [--restart]   (JSON Lines, plain or gzipped)";

	private final SnapshotImporter importer;

	private final IngestRuns runs;

	private final SnapshotProperties properties;

	private final Stopping stopping;

	ImportSnapshotVerb(SnapshotImporter importer, IngestRuns runs, SnapshotProperties properties, Stopping stopping) {
		this.importer = importer;
		this.runs = runs;
		this.properties = properties;
		this.stopping = stopping;
	}

	@Override
	public List<String> name() {
		return List.of("import", "arxiv-snapshot");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		List<String> files = operands.stream().filter((word) -> !word.equals("--restart")).toList();
		boolean restart = files.size() < operands.size();
		if (files.size() != 1 || files.get(0).startsWith("--")) {
			err.println(USAGE);
			return 2;
		}
		Path file = Path.of(files.get(0));
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			err.println("No such readable file: " + file);
			return 2;
		}
		AtomicReference<SnapshotReport> report = new AtomicReference<>();
		IngestRun run;
		// a progress bar only where someone watches: on a terminal, never in logs or pipes
		if (System.console() != null) {
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing")
				.setInitialMax(size(file))
				.setStyle(ProgressBarStyle.ASCII)
				.setUnit(" MB", 1024 * 1024)
				.showSpeed()
				.build()) {
				run = run(file, restart, report, (soFar, read, size) -> bar.stepTo(read)
					.setExtraMessage(soFar.linesRead() + " lines"));
			}
		}
		else {
			run = run(file, restart, report, (soFar, read, size) -> {
			});
		}
		if (report.get() == null) {
			err.println("Import failed: " + String.join("; ", run.messages()));
			err.println("Run the same command again to resume after the last saved batch.");
			return 1;
		}
		out.print(report.get().summary());
		return (report.get().skipped() > 0) ? 1 : 0;
	}

	private IngestRun run(Path file, boolean restart, AtomicReference<SnapshotReport> report,
			SnapshotImporter.Progress progress) {
		String arguments = file + (restart ? " --restart" : "");
		// stopped (SIGTERM) between two batches: the checkpoint of the last one stays, and the same
		// command resumes after it
		SnapshotImporter.Progress stopWhenAsked = (soFar, read, size) -> {
			progress.committed(soFar, read, size);
			if (this.stopping.requested()) {
				throw new IllegalStateException("stopped after line " + soFar.linesRead());
			}
		};
		return this.runs.run("snapshot", "command", arguments, (line) -> {
		}, (tally) -> {
			try {
				report.set(this.importer.importFile(file, restart, this.properties.batchSize(), tally, stopWhenAsked));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
			}
		});
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
