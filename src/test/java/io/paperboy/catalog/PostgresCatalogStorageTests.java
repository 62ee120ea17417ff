package io.paperboy.catalog;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The catalog's storage on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresCatalogStorageTests extends CatalogStorageContract {

}
