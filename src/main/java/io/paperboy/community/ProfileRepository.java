package io.paperboy.community;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people profiles are about, in SQL. */
@Repository
class ProfileRepository {

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person with this username; empty for none, and for a member who has not chosen a
	 * username yet (theirs is a placeholder until they do).
	 */
	Optional<Person> find(String username) {
		return this.jdbc.sql("""
				select id, username, display_name, created_at, email
				from users
				where username = :username and needs_profile = false
				""")
			.param("username", username)
			.query((row, number) -> new Person(row.getLong("id"), row.getString("username"),
					row.getString("display_name"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
					row.getString("email") != null))
			.optional();
	}

}
