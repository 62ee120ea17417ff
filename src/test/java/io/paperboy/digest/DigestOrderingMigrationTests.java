package io.paperboy.digest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V18 on subscriptions stored before it, on both databases: the personal box becomes the
 * "like papers I upvoted" order, no box the trending order.
 */
class DigestOrderingMigrationTests {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void theMigrationKeepsEverySubscribersChoiceOfOrder(String database) {
		DataSource dataSource = dataSource(database);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("17").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OffsetDateTime now = OffsetDateTime.of(2025, 6, 2, 0, 0, 0, 0, ZoneOffset.UTC);
		for (String email : new String[] { "personal@example.org", "plain@example.org" }) {
			jdbc.sql("""
					insert into digest_subscriptions (email, status, cadence, weekday, delivery_hour, time_zone, paper_count,
					    categories, keywords, min_upvotes, personal, created_at, requested_at)
					values (:email, 'confirmed', 'daily', 1, 8, 'UTC', 10, '', '', 0, :personal, :now, :now)
					""").param("email", email).param("personal", email.startsWith("personal")).param("now", now).update();
		}

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.sql("select ordering from digest_subscriptions where email = 'personal@example.org'")
			.query(String.class)
			.single()).isEqualTo("upvoted");
		assertThat(jdbc.sql("select ordering from digest_subscriptions where email = 'plain@example.org'")
			.query(String.class)
			.single()).isEqualTo("trending");
		assertThat(Ordering.of("upvoted")).contains(Ordering.UPVOTED);
	}

	private static DataSource dataSource(String database) {
		if (database.equals("h2")) {
			return new DriverManagerDataSource("jdbc:h2:mem:v18-" + UUID.randomUUID()
					+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
		}
		return new DriverManagerDataSource(EmbeddedPostgresSupport.freshDatabaseUrl(), EmbeddedPostgresSupport.username(), "");
	}

}
