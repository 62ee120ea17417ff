package io.paperboy.account;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Deleting accounts on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresAccountDeletionStorageTests extends AccountDeletionStorageContract {

}
