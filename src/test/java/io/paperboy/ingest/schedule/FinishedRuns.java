package io.paperboy.ingest.schedule;

import java.time.Duration;
import java.util.List;

import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import org.awaitility.Awaitility;

/** Waits for runs that the scheduler starts on its own. */
final class FinishedRuns {

	private FinishedRuns() {
	}

	/** The first finished run of a source with this trigger, waiting up to 30 seconds for one. */
	static IngestRun await(IngestRuns runs, String source, String trigger) {
		List<IngestRun> found = Awaitility.await("a finished " + trigger + " run of " + source).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> finished(runs, source, trigger), (runsFound) -> !runsFound.isEmpty());
		return found.get(found.size() - 1);
	}

	private static List<IngestRun> finished(IngestRuns runs, String source, String trigger) {
		return runs.latestRuns(source, 100)
			.stream()
			.filter((run) -> run.trigger().equals(trigger) && run.outcome() != IngestRun.Outcome.RUNNING)
			.toList();
	}

}
