package io.paperboy.foryou;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The "For you" feed's queries on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresForYouStorageTests extends ForYouStorageContract {

}
