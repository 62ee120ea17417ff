package io.paperboy.search;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The rebuild's order on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresRebuildOrderStorageTests extends RebuildOrderStorageContract {

}
