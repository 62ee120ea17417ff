package io.paperboy.library;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Libraries, signals and collections on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresLibraryStorageTests extends LibraryStorageContract {

}
