package io.paperboy.ingest.hfdaily;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The real archive imported into a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresDailyPapersImportRealArchiveTests extends DailyPapersImportRealArchiveContract {

}
