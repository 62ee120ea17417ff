package io.paperboy.digest;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.paperboy.digest.SubscriptionRepository.instant;
import static io.paperboy.digest.SubscriptionRepository.timestamp;

/** The record of digest runs. */
@Repository
class RunRepository {

	private final JdbcClient jdbc;

	RunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(DigestRun run) {
		this.jdbc.sql("""
				insert into digest_runs (started_at, duration_ms, due, composed, sent, deferred, failed, suppressed)
				values (:started, :duration, :due, :composed, :sent, :deferred, :failed, :suppressed)
				""")
			.param("started", timestamp(run.startedAt()))
			.param("duration", run.duration().toMillis())
			.param("due", run.due())
			.param("composed", run.composed())
			.param("sent", run.sent())
			.param("deferred", run.deferred())
			.param("failed", run.failed())
			.param("suppressed", run.suppressed())
			.update();
	}

	List<DigestRun> latest(int count) {
		return this.jdbc.sql("""
				select started_at, duration_ms, due, composed, sent, deferred, failed, suppressed
				from digest_runs order by started_at desc, id desc limit :count
				""")
			.param("count", count)
			.query((rs, row) -> new DigestRun(instant(rs, "started_at"), Duration.ofMillis(rs.getLong("duration_ms")),
					rs.getInt("due"), rs.getInt("composed"), rs.getInt("sent"), rs.getInt("deferred"), rs.getInt("failed"),
					rs.getInt("suppressed")))
			.list();
	}

}
