package io.paperboy.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Users, in SQL. */
@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<User> findByUsername(String username) {
		return this.jdbc.sql("select * from users where username = :username")
			.param("username", username)
			.query(UserRepository::map)
			.optional();
	}

	Map<Long, User> findAll(Collection<Long> ids) {
		Map<Long, User> users = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select * from users where id in (:ids)")
				.param("ids", ids)
				.query(UserRepository::map)
				.list()
				.forEach((user) -> users.put(user.id(), user));
		}
		return users;
	}

	User insert(String username, String displayName, String avatarUrl, String hfUserId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into users (username, display_name, avatar_url, hf_user_id, created_at)
				values (:username, :displayName, :avatarUrl, :hfUserId, :now)
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("avatarUrl", avatarUrl)
			.param("hfUserId", hfUserId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return new User(keys.getKeyAs(Long.class), username, displayName, avatarUrl);
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("avatar_url"));
	}

}
