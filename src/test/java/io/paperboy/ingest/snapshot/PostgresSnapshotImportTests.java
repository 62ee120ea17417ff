package io.paperboy.ingest.snapshot;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The snapshot import into a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresSnapshotImportTests extends SnapshotImportContract {

}
