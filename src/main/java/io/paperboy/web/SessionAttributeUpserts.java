package io.paperboy.web;

import javax.sql.DataSource;

import io.paperboy.Databases;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Members' sessions live in the database (Spring Session JDBC), which inserts each attribute a
 * request adds to the session. Two requests of one session that add the same attribute at once
 * (the CSRF token, just after signing in, from two tabs) would both insert it, and the second
 * would break the table's primary key and answer 500. Here an attribute is written whether or not
 * another request wrote it first: the last write wins, as for an attribute that changed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionAttributeUpserts {

	/** PostgreSQL: an insert that updates on conflict. */
	static final String POSTGRES = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	/** H2: a merge on the primary key. */
	static final String H2 = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource) {
		String upsert = upsertFor(dataSource);
		return (repository) -> repository.setCreateSessionAttributeQuery(upsert);
	}

	/** The statement for this database, which is PostgreSQL or H2. */
	static String upsertFor(DataSource dataSource) {
		return Databases.isPostgres(dataSource) ? POSTGRES : H2;
	}

}
