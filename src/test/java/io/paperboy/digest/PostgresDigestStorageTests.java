package io.paperboy.digest;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Digests on a real PostgreSQL, started inside the test JVM. */
class PostgresDigestStorageTests extends DigestStorageContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
