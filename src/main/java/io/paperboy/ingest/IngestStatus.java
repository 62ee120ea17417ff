package io.paperboy.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The state of ingestion for operators ({@code ingest status}, {@code /admin/ingest}): per source
 * the last run and what it did, the last success and the next scheduled run.
 */
@Service
public class IngestStatus {

	/**
	 * Scheduled jobs that run a source are named by this prefix and the source's name
	 * ({@code ingest-hf}), so the status finds each source's next run.
	 */
	public static final String RECURRING_TASK_PREFIX = "ingest-";

	/** The one-time job that backfills a source on first start; its instances are named by source. */
	public static final String BACKFILL_TASK = "ingest-backfill";

	private final IngestRuns runs;

	private final IngestStatusRepository repository;

	IngestStatus(IngestRuns runs, IngestStatusRepository repository) {
		this.runs = runs;
		this.repository = repository;
	}

	/** Every source of this site, then any other recorded work (the bulk snapshot import), by name. */
	public List<SourceStatus> sources() {
		Set<String> names = new LinkedHashSet<>(this.runs.sources().keySet());
		names.addAll(this.repository.recordedSources());
		Map<String, Instant> nextRuns = this.repository.nextRuns();
		List<SourceStatus> statuses = new ArrayList<>();
		for (String name : names) {
			String state = this.runs.source(name).map((source) -> source.enabled() ? "on" : "off").orElse("import");
			IngestRun last = this.runs.latestRuns(name, 1).stream().findFirst().orElse(null);
			statuses.add(new SourceStatus(name, state, last, this.repository.lastSuccess(name).orElse(null),
					nextRuns.get(name)));
		}
		return statuses;
	}

	/** Whether a run of this source ever succeeded (a backfill is due until one has). */
	public boolean hasSucceeded(String source) {
		return this.repository.lastSuccess(source).isPresent();
	}

}
