package io.paperboy.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import io.paperboy.cli.Verb;
import org.springframework.stereotype.Component;

/** {@code ingest run SOURCE [options]}: runs one source now and prints what it did. */
@Component
class IngestRunVerb implements Verb {

	private final IngestRuns runs;

	IngestRunVerb(IngestRuns runs) {
		this.runs = runs;
	}

	@Override
	public List<String> name() {
		return List.of("ingest", "run");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (operands.isEmpty()) {
			err.print(usage());
			return 2;
		}
		Optional<IngestSource> source = this.runs.source(operands.get(0));
		if (source.isEmpty()) {
			err.println("Unknown source: " + operands.get(0));
			err.print(usage());
			return 2;
		}
		IngestRun run;
		try {
			SourceOptions options = SourceOptions.parse(operands.subList(1, operands.size()), source.get().options());
			run = this.runs.run(source.get(), "command", options, out::println);
		}
		catch (SourceOptions.InvalidOptionsException ex) {
			err.println("ingest run " + source.get().name() + ": " + ex.getMessage());
			err.print(usage());
			return 2;
		}
		out.print(summary(run));
		if (run.outcome() == IngestRun.Outcome.FAILED) {
			// the failure is the last message ("failed: ...")
			err.println("The run " + run.messages().get(run.messages().size() - 1));
			return 1;
		}
		return 0;
	}

	static String summary(IngestRun run) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("Source:            %s%n", run.source()));
		text.append(String.format("Outcome:           %s%n", run.outcome().name().toLowerCase()));
		text.append(String.format("Papers added:      %d%n", run.added()));
		text.append(String.format("Papers updated:    %d%n", run.updated()));
		text.append(String.format("Papers unchanged:  %d%n", run.unchanged()));
		text.append(String.format("Records skipped:   %d%n", run.skipped()));
		text.append(String.format("Duration:          %.1f s%n", run.duration().toMillis() / 1000.0));
		for (String message : run.messages()) {
			text.append("  ").append(message).append(System.lineSeparator());
		}
		return text.toString();
	}

	private String usage() {
		StringBuilder text = new StringBuilder("Usage: ingest run SOURCE [--option value ...]\n\nSources:\n");
		this.runs.sources().values().forEach((source) -> {
			text.append("  ").append(source.name()).append(source.enabled() ? "" : " (switched off)").append('\n');
			source.usage().lines().forEach((line) -> text.append("      ").append(line).append('\n'));
		});
		return text.toString();
	}

}
