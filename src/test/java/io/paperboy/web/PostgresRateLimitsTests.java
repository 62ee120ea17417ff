package io.paperboy.web;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limits on a real PostgreSQL, started inside the test JVM. */
class PostgresRateLimitsTests extends RateLimitsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
