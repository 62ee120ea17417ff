package io.paperboy.ingest;

import java.io.PrintStream;
import java.util.List;

import io.paperboy.cli.Verb;
import org.springframework.stereotype.Component;

/**
 * {@code ingest status}: per source, the last run and what it did, the last success and the next
 * scheduled run. Exits with 1 when any source's last run failed, so a monitoring script can tell.
 */
@Component
class IngestStatusVerb implements Verb {

	private final IngestStatus status;

	IngestStatusVerb(IngestStatus status) {
		this.status = status;
	}

	@Override
	public List<String> name() {
		return List.of("ingest", "status");
	}

	@Override
	public int run(List<String> operands, PrintStream out, PrintStream err) {
		if (!operands.isEmpty()) {
			err.println("Usage: ingest status");
			return 2;
		}
		List<SourceStatus> sources = this.status.sources();
		out.print(text(sources));
		return sources.stream().anyMatch(SourceStatus::failed) ? 1 : 0;
	}

	static String text(List<SourceStatus> sources) {
		StringBuilder text = new StringBuilder();
		for (SourceStatus source : sources) {
			text.append(source.source()).append(" (").append(source.state()).append(")\n");
			IngestRun run = source.lastRun();
			if (run == null) {
				text.append("  Last run:      never\n");
			}
			else {
				text.append(String.format("  Last run:      %s, %s, %s in %s%n", SourceStatus.format(run.startedAt()),
						run.trigger(), source.outcome(), SourceStatus.format(run.duration())));
				if (!run.arguments().isEmpty()) {
					text.append("  Options:       ").append(run.arguments()).append('\n');
				}
				text.append(String.format("  Papers:        %d added, %d updated, %d unchanged, %d skipped%n",
						run.added(), run.updated(), run.unchanged(), run.skipped()));
			}
			text.append("  Last success:  ").append(SourceStatus.format(source.lastSuccess())).append('\n');
			text.append("  Next run:      ").append(SourceStatus.format(source.nextRun())).append('\n');
			if (run != null && !run.messages().isEmpty()) {
				text.append("  Messages:\n");
				run.messages().forEach((message) -> text.append("    ").append(message).append('\n'));
			}
			text.append('\n');
		}
		return text.toString();
	}

}
