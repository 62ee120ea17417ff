package io.paperboy.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.paperboy.Stopping;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs sources and records each run: its start, what it did, how it ended (the status page and
 * {@code ingest status} read these records), and the same as metrics:
 * {@code paperboy.ingest.papers{source, outcome}} counts papers, {@code paperboy.ingest.runs{source,
 * outcome}} times runs.
 * <p>
 * A run that fails because the application is stopping is recorded as interrupted, not failed:
 * what its pages saved stays, and the next run of the source goes on from there.
 */
@Service
public class IngestRuns {

	private static final Logger logger = LoggerFactory.getLogger(IngestRuns.class);

	private final Map<String, IngestSource> sources;

	private final IngestRunRepository runs;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Stopping stopping;

	private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();

	IngestRuns(List<IngestSource> sources, IngestRunRepository runs, MeterRegistry meters, Clock clock,
			Stopping stopping) {
		this.sources = sources.stream()
			.collect(Collectors.toMap(IngestSource::name, Function.identity(), (a, b) -> a, TreeMap::new));
		this.runs = runs;
		this.meters = meters;
		this.clock = clock;
		this.stopping = stopping;
	}

	/** The sources by name, in name order. */
	public Map<String, IngestSource> sources() {
		return this.sources;
	}

	public Optional<IngestSource> source(String name) {
		return Optional.ofNullable(this.sources.get(name));
	}

	/**
	 * Runs a source and records the run. A failure is recorded, logged and returned, never thrown:
	 * the next scheduled run tries again.
	 * @param progress receives progress lines while it runs
	 */
	public IngestRun run(IngestSource source, String trigger, SourceOptions options, Consumer<String> progress) {
		return run(source.name(), trigger, options.toString(), progress, (tally) -> source.run(options, tally));
	}

	/**
	 * Records a run of work that is not an {@link IngestSource} (the bulk snapshot import), the
	 * same way.
	 */
	public IngestRun run(String source, String trigger, String arguments, Consumer<String> progress,
			Consumer<IngestTally> work) {
		// runs of one source take turns in this process (a backfill and a scheduled run may be due
		// together; both would insert the same new papers); across nodes, the scheduler runs each job once
		ReentrantLock turn = this.turns.computeIfAbsent(source, (name) -> new ReentrantLock());
		turn.lock();
		try {
			return runInTurn(source, trigger, arguments, progress, work);
		}
		finally {
			turn.unlock();
		}
	}

	private IngestRun runInTurn(String source, String trigger, String arguments, Consumer<String> progress,
			Consumer<IngestTally> work) {
		Instant started = this.clock.instant();
		// a run of a source whose process died (killed, crashed) stays "running"; runs of one
		// source do not overlap, so the next run ends it
		this.runs.markInterrupted(source, started);
		long id = this.runs.start(source, trigger, arguments, started);
		IngestTally tally = new IngestTally(progress);
		IngestRun.Outcome outcome = IngestRun.Outcome.SUCCEEDED;
		try (Stopping.Work inProgress = this.stopping.begin()) {
			try {
				work.accept(tally);
			}
			catch (SourceOptions.InvalidOptionsException ex) {
				outcome = IngestRun.Outcome.FAILED;
				tally.message("invalid options: " + ex.getMessage());
				throw ex;
			}
			catch (RuntimeException ex) {
				if (this.stopping.requested()) {
					// a source gives up its waits when the application stops: not a failure of the source
					outcome = IngestRun.Outcome.INTERRUPTED;
					tally.message("interrupted: the application stopped (" + describe(ex) + ")");
					logger.info("Ingestion from {} interrupted: the application is stopping", source);
				}
				else {
					outcome = IngestRun.Outcome.FAILED;
					tally.message("failed: " + describe(ex));
					logger.warn("Ingestion from {} failed: {}", source, describe(ex), ex);
				}
			}
			finally {
				if (outcome == IngestRun.Outcome.SUCCEEDED && this.stopping.requested()) {
					// sources that report a failed page and go on end "successfully" when every page gave up
					outcome = IngestRun.Outcome.INTERRUPTED;
					tally.message("interrupted: the application stopped");
				}
				Instant finished = this.clock.instant();
				this.runs.finish(id, outcome, tally, finished);
				record(source, outcome, tally, Duration.between(started, finished));
			}
		}
		return this.runs.find(id).orElseThrow();
	}

	/** The latest runs of a source, newest first. */
	public List<IngestRun> latestRuns(String source, int limit) {
		return this.runs.latest(source, limit);
	}

	private void record(String source, IngestRun.Outcome outcome, IngestTally tally, Duration duration) {
		Timer.builder("paperboy.ingest.runs")
			.description("Runs of an ingestion source")
			.tag("source", source)
			.tag("outcome", outcome.column())
			.register(this.meters)
			.record(duration);
		count(source, "added", tally.added());
		count(source, "updated", tally.updated());
		count(source, "unchanged", tally.unchanged());
		count(source, "skipped", tally.skipped());
	}

	private void count(String source, String outcome, long amount) {
		Counter.builder("paperboy.ingest.papers")
			.description("Papers an ingestion source added, updated, found unchanged or skipped")
			.tag("source", source)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment(amount);
	}

	/** The exception's message and its causes', which together say what went wrong. */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			if (text.indexOf(message) < 0) {
				text.append(text.isEmpty() ? "" : ": ").append(message);
			}
		}
		return text.toString();
	}

}
