package io.paperboy.digest;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The digest outbox on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresOutboxStorageTests extends OutboxStorageContract {

}
