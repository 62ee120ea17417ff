package io.paperboy.ingest.schedule;

import java.time.Duration;
import java.util.List;

import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;

/** Waits for runs that the scheduler starts on its own. */
final class FinishedRuns {

	private FinishedRuns() {
	}

	/** The first finished run of a source with this trigger, waiting up to 30 seconds for one. */
	static IngestRun await(IngestRuns runs, String source, String trigger) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<IngestRun> found = runs.latestRuns(source, 100)
				.stream()
				.filter((run) -> run.trigger().equals(trigger) && run.outcome() != IngestRun.Outcome.RUNNING)
				.toList();
			if (!found.isEmpty()) {
				return found.get(found.size() - 1);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No " + trigger + " run of " + source + " within 30 seconds; runs: "
				+ runs.latestRuns(source, 10));
	}

}
