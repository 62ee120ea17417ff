package io.paperboy.support;

import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application at the shared database of the embedded PostgreSQL server
 * ({@link EmbeddedPostgresSupport#jdbcUrl()}). Import it, {@code @Import(PostgresDatabase.class)}:
 * every test class that does, with otherwise equal settings, shares one application context. Not
 * annotated, so that only the tests that import it get it.
 */
public class PostgresDatabase {

	@Bean
	static DynamicPropertyRegistrar postgresDatabase() {
		return (registry) -> {
			registry.add("spring.datasource.url", EmbeddedPostgresSupport::jdbcUrl);
			registry.add("spring.datasource.username", EmbeddedPostgresSupport::username);
			registry.add("spring.datasource.password", () -> "");
		};
	}

}
