package io.paperboy.ingest.schedule;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.paperboy.ingest.IngestRuns;
import io.paperboy.ingest.IngestSource;
import io.paperboy.ingest.IngestStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On every start of a server with the scheduler on, schedules a backfill, shortly after, of each
 * switched-on source that has never run successfully: a fresh install fills itself. The backfill
 * is one row in the scheduler's table per source, so several nodes starting together schedule it
 * once and it runs once.
 */
@Component
class BackfillOnStart {

	private static final Logger logger = LoggerFactory.getLogger(BackfillOnStart.class);

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> backfill;

	private final IngestRuns runs;

	private final IngestStatus status;

	private final SchedulesProperties properties;

	private final Clock clock;

	BackfillOnStart(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<Void> backfillJob, IngestRuns runs,
			IngestStatus status, SchedulesProperties properties, Clock clock) {
		this.scheduler = scheduler;
		this.backfill = backfillJob;
		this.runs = runs;
		this.status = status;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleBackfills() {
		// without a scheduler (command-line verbs, db-scheduler.enabled=false) nothing runs by itself
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (client == null) {
			return;
		}
		for (IngestSource source : this.runs.sources().values()) {
			if (source.enabled() && !this.status.hasSucceeded(source.name())) {
				boolean scheduled = client.scheduleIfNotExists(this.backfill.instance(source.name()),
						this.clock.instant().plus(this.properties.backfillDelay()));
				if (scheduled) {
					logger.info("{} has never run successfully: backfill scheduled", source.name());
				}
			}
		}
	}

}
