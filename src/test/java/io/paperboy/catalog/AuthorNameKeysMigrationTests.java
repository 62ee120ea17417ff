package io.paperboy.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.paperboy.support.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V13 on a catalog that already holds authors, on both databases: every name gets its key,
 * across more than one of the pages the migration reads, and the key becomes required.
 */
class AuthorNameKeysMigrationTests {

	/** More author rows than the migration reads at a time (5,000). */
	private static final int AUTHORS = 6_001;

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void theMigrationGivesEveryStoredNameItsKey(String database) {
		DataSource dataSource = dataSource(database);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("12").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		OffsetDateTime now = OffsetDateTime.of(2025, 6, 2, 0, 0, 0, 0, ZoneOffset.UTC);
		List<Object[]> papers = new ArrayList<>();
		List<Object[]> authors = new ArrayList<>();
		for (int i = 0; i < AUTHORS; i++) {
			String id = "2401.%05d".formatted(i);
			papers.add(new Object[] { id, "Title", "Abstract", now, now });
			authors.add(new Object[] { id, 0, (i % 2 == 0) ? "Zoë  Ångström" : "Ada Lovelace" });
		}
		jdbc.batchUpdate("insert into papers (id, title, summary, created_at, updated_at) values (?, ?, ?, ?, ?)", papers);
		jdbc.batchUpdate("insert into paper_authors (paper_id, position, name) values (?, ?, ?)", authors);

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

		JdbcClient client = JdbcClient.create(dataSource);
		assertThat(client.sql("select count(*) from paper_authors where name_key = 'zoe angstrom'").query(Long.class).single())
			.isEqualTo(3_001L);
		assertThat(client.sql("select count(*) from paper_authors where name_key = 'ada lovelace'").query(Long.class).single())
			.isEqualTo(3_000L);
		assertThatThrownBy(() -> client.sql("insert into paper_authors (paper_id, position, name) values ('2401.00000', 1, 'X')")
			.update()).as("the key is required from now on").isNotNull();
	}

	private static DataSource dataSource(String database) {
		if (database.equals("h2")) {
			return new DriverManagerDataSource("jdbc:h2:mem:v13-" + UUID.randomUUID()
					+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
		}
		return new DriverManagerDataSource(EmbeddedPostgresSupport.freshDatabaseUrl(), EmbeddedPostgresSupport.username(), "");
	}

}
