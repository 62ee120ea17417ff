package io.paperboy.digest;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The digest outbox on a real PostgreSQL, started inside the test JVM. */
class PostgresOutboxStorageTests extends OutboxStorageContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
