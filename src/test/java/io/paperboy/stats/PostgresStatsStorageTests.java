package io.paperboy.stats;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Vote history and statistics on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresStatsStorageTests extends StatsStorageContract {

}
