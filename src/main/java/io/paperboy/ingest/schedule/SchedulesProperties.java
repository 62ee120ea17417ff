package io.paperboy.ingest.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduled ingestion jobs start and retry: {@code paperboy.schedules.*}. When each source
 * runs is set beside the source ({@code paperboy.sources.hf.sync-cron} and the like).
 *
 * @param backfillDelay how long after start the first-start backfill of a source that never ran
 * successfully begins
 * @param backfillRetry how long a failed backfill waits before it tries again (doubled after each
 * failure, up to {@link #backfillAttempts} attempts in all); the source's recurring job keeps
 * running meanwhile
 * @param backfillAttempts attempts at a backfill before it is given up (the next start schedules it
 * again while the source has never succeeded)
 */
@ConfigurationProperties("paperboy.schedules")
record SchedulesProperties(@DefaultValue("30s") Duration backfillDelay, @DefaultValue("5m") Duration backfillRetry,
		@DefaultValue("8") Integer backfillAttempts) {

}
