package io.paperboy.web;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Members' sessions on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresSessionStorageTests extends SessionStorageContract {

}
