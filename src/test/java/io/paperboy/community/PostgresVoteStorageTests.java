package io.paperboy.community;

import io.paperboy.support.PostgresDatabase;
import org.springframework.context.annotation.Import;

/** Votes and profiles on a real PostgreSQL, started inside the test JVM. */
@Import(PostgresDatabase.class)
class PostgresVoteStorageTests extends VoteStorageContract {

}
