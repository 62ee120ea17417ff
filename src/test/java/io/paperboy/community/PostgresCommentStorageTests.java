package io.paperboy.community;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Comments' storage on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresCommentStorageTests extends CommentStorageContract {

}
