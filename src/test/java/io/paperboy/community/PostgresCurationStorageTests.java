package io.paperboy.community;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Curators' marks on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresCurationStorageTests extends CurationStorageContract {

}
