package io.paperboy.ingest.oai;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** OAI-PMH harvests into a real PostgreSQL, started inside the test JVM. */
class PostgresOaiHarvestTests extends OaiHarvestContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
