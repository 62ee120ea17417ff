package io.paperboy.community;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Comments' storage on a real PostgreSQL, started inside the test JVM. */
class PostgresCommentStorageTests extends CommentStorageContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresSupport.register(registry);
	}

}
