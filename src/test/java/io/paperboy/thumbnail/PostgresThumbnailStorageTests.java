package io.paperboy.thumbnail;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** The thumbnails' storage on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresThumbnailStorageTests extends ThumbnailStorageContract {

}
