package io.paperboy.ingest.schedule;

import java.util.List;

import io.paperboy.support.EmbeddedPostgresSupport;

/** Two nodes on one PostgreSQL database, started inside the test JVM (db-scheduler's PostgreSQL SQL). */
class PostgresJobsAcrossNodesTests extends JobsAcrossNodesContract {

	@Override
	List<String> database() {
		return List.of("--spring.datasource.url=" + EmbeddedPostgresSupport.freshDatabaseUrl(),
				"--spring.datasource.username=" + EmbeddedPostgresSupport.username(), "--spring.datasource.password=");
	}

}
