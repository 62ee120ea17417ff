package io.paperboy.ingest.schedule;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.paperboy.ingest.IngestRun;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestStatus;
import io.paperboy.ingest.SourceOptions;
import io.paperboy.ingest.SourcesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingestion jobs, as db-scheduler tasks (its Spring Boot starter picks up every {@code Task}
 * bean): one recurring task per source on the source's cron property, named
 * {@code ingest-SOURCE}, and the one-time {@code ingest-backfill} task, one instance per source.
 * A source that does not exist in this build, or is switched off, gets a disabled schedule: its
 * task never runs and any execution left from an earlier configuration is removed.
 * <p>
 * A scheduled run that fails is recorded as failed by {@link IngestRuns} and simply runs again at
 * its next time; a failed backfill is retried with a growing wait.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobs {

	private static final Logger logger = LoggerFactory.getLogger(IngestJobs.class);

	@Bean
	RecurringTask<Void> arxivPollJob(IngestRuns runs, SourcesProperties sources) {
		return recurring(runs, "arxiv", sources.arxiv().pollCron());
	}

	@Bean
	RecurringTask<Void> arxivRefreshJob(IngestRuns runs, SourcesProperties sources) {
		return recurring(runs, "arxiv-refresh", sources.arxiv().refreshCron());
	}

	@Bean
	RecurringTask<Void> hfSyncJob(IngestRuns runs, SourcesProperties sources) {
		return recurring(runs, "hf", sources.hf().syncCron());
	}

	@Bean
	RecurringTask<Void> oaiHarvestJob(IngestRuns runs, SourcesProperties sources) {
		return recurring(runs, "oai", sources.oai().cron());
	}

	@Bean
	OneTimeTask<Void> backfillJob(IngestRuns runs, IngestStatus status, SourcesProperties sources,
			SchedulesProperties schedules) {
		FailureHandler<Void> retry = new FailureHandler.MaxRetriesFailureHandler<>(schedules.backfillAttempts(),
				new FailureHandler.ExponentialBackoffFailureHandler<>(schedules.backfillRetry(), 2));
		return Tasks.oneTime(IngestStatus.BACKFILL_TASK).onFailure(retry).execute((instance, context) -> {
			String name = instance.getId();
			Optional<IngestSource> source = runs.source(name).filter(IngestSource::enabled);
			if (source.isEmpty()) {
				return;
			}
			IngestRun run = runs.run(source.get(), "backfill", backfillOptions(source.get(), sources.backfillDays()),
					logger::info);
			// an interrupted backfill (the application stopped) ends here: the next start schedules
			// it again, since the source has still never succeeded
			if (run.outcome() == IngestRun.Outcome.FAILED) {
				// thrown so that db-scheduler tries again later; the run is recorded already
				throw new BackfillFailedException("Backfill of " + name + " failed: " + String.join("; ", run.messages()));
			}
		});
	}

	/**
	 * Hugging Face's sync looks back a few days each time; its backfill asks for more. The arXiv
	 * sources look back {@code paperboy.sources.backfill-days} by themselves on their first run.
	 */
	static SourceOptions backfillOptions(IngestSource source, int backfillDays) {
		if (source.name().equals("hf")) {
			return SourceOptions.parse(List.of("--days", String.valueOf(backfillDays)), source.options());
		}
		return SourceOptions.none();
	}

	private static RecurringTask<Void> recurring(IngestRuns runs, String name, String cron) {
		boolean runnable = runs.source(name).filter(IngestSource::enabled).isPresent();
		// "-" is db-scheduler's disabled cron: the task is known but never scheduled
		Schedule schedule = Schedules.cron(runnable ? cron : "-", ZoneOffset.UTC);
		return Tasks.recurring(IngestStatus.RECURRING_TASK_PREFIX + name, schedule).execute((instance, context) -> {
			runs.source(name).ifPresent((source) -> runs.run(source, "schedule", SourceOptions.none(), logger::info));
		});
	}

	/** A backfill run that failed; db-scheduler retries it. */
	static class BackfillFailedException extends RuntimeException {

		BackfillFailedException(String message) {
			super(message);
		}

	}

}
