package io.paperboy.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The trending maintenance job, in the server only (a command-line verb exits long before it is
 * due): every {@link TrendingProperties#maintenanceInterval()}, moves the epoch forward when it is
 * due. Decay itself needs no job: it is in the formula. Run on several nodes at once, the job is
 * harmless: the first to lock the state row moves the epoch, the others find it current.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!cli")
@EnableScheduling
class TrendingMaintenance implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TrendingMaintenance.class);

	private final TrendingScores scores;

	private final TrendingProperties properties;

	TrendingMaintenance(TrendingScores scores, TrendingProperties properties) {
		this.scores = scores;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.properties.maintenanceInterval());
	}

	private void run() {
		try {
			this.scores.rebaseIfDue();
		}
		catch (RuntimeException ex) {
			// the next run tries again; scores stay correct meanwhile, only their magnitude grows
			logger.warn("Trending maintenance failed", ex);
		}
	}

}
