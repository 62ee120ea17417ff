package io.paperboy.digest;

import java.time.Duration;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.paperboy.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The digest jobs, as db-scheduler tasks (each runs on one node at a time): {@code digest-run}
 * sends the digests that are due, every 15 minutes by default ({@code paperboy.digest.run-cron});
 * {@code digest-send} sends what the outbox holds that is due (retries, mostly) every minute;
 * {@code digest-drop-unconfirmed} drops subscriptions nobody confirmed in time, hourly. Also the
 * digests' part of the mail settings ({@link BulkMailProperties}), which the jobs' sender follows.
 */
@Configuration(proxyBeanMethods = false)
class DigestJobs {

	@Bean
	BulkMailProperties bulkMailProperties(MailProperties mail) {
		return BulkMailProperties.of(mail);
	}

	@Bean
	RecurringTask<Void> digestRunJob(DigestRuns runs, DigestProperties properties) {
		return Tasks.recurring("digest-run", Schedules.cron(properties.runCron(), ZoneOffset.UTC))
			.execute((instance, context) -> runs.run(false));
	}

	@Bean
	RecurringTask<Void> digestSendJob(DigestSender sender) {
		return Tasks.recurring("digest-send", Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> sender.drain());
	}

	@Bean
	RecurringTask<Void> digestDropUnconfirmedJob(Subscriptions subscriptions) {
		return Tasks.recurring("digest-drop-unconfirmed", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> subscriptions.dropUnconfirmed());
	}

}
