package io.paperboy.ingest.snapshot;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The snapshot import into a real PostgreSQL, started inside the test JVM. */
class PostgresSnapshotImportTests extends SnapshotImportContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
