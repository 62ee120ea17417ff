package io.paperboy.feed;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Trending scores on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresTrendingStorageTests extends TrendingStorageContract {

}
