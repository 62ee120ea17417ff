package io.paperboy.ingest.hfdaily;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real archive imported into a real PostgreSQL, started inside the test JVM. */
class PostgresDailyPapersImportRealArchiveTests extends DailyPapersImportRealArchiveContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
