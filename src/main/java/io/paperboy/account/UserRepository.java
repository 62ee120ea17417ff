package io.paperboy.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	Optional<Member> findMemberByEmail(String email) {
		return this.jdbc.sql("select * from users where email = :email")
			.param("email", email)
			.query(this::mapMember)
			.optional();
	}

	/** The members with these addresses (normalised), by address; one query for all of them, one for their roles. */
	Map<String, Member> findMembersByEmail(Collection<String> emails) {
		Map<String, Member> members = new HashMap<>();
		if (emails.isEmpty()) {
			return members;
		}
		List<Member> found = this.jdbc.sql("select * from users where email in (:emails)")
			.param("emails", Set.copyOf(emails))
			.query((rs, row) -> new Member(rs.getLong("id"), rs.getString("email"), rs.getString("username"),
					rs.getString("display_name"), EnumSet.noneOf(Role.class), rs.getBoolean("needs_profile")))
			.list();
		Map<Long, Set<Role>> roles = new HashMap<>();
		if (!found.isEmpty()) {
			this.jdbc.sql("select user_id, role from user_roles where user_id in (:ids)")
				.param("ids", found.stream().map(Member::id).toList())
				.query((rs) -> {
					roles.computeIfAbsent(rs.getLong(1), (id) -> EnumSet.noneOf(Role.class))
						.add(Role.valueOf(rs.getString(2)));
				});
		}
		for (Member member : found) {
			members.put(member.email(), new Member(member.id(), member.email(), member.username(), member.displayName(),
					roles.getOrDefault(member.id(), EnumSet.noneOf(Role.class)), member.needsProfile()));
		}
		return members;
	}

	Optional<Member> findMember(long id) {
		return this.jdbc.sql("select * from users where id = :id").param("id", id).query(this::mapMember).optional();
	}

	Member insertMember(String email, String username, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into users (username, display_name, email, needs_profile, created_at)
				values (:username, :username, :email, true, :now)
				""")
			.param("username", username)
			.param("email", email)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return new Member(keys.getKeyAs(Long.class), email, username, username, java.util.Set.of(), true);
	}

	boolean usernameTaken(String username, long exceptId) {
		return this.jdbc.sql("select count(*) from users where lower(username) = lower(:username) and id <> :id")
			.param("username", username)
			.param("id", exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	void updateProfile(long id, String username, String displayName) {
		this.jdbc.sql("""
				update users set username = :username, display_name = :displayName, needs_profile = false
				where id = :id
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("id", id)
			.update();
	}

	void markSignedIn(long id, Instant now) {
		this.jdbc.sql("update users set last_signed_in_at = :now where id = :id")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	void grant(long id, Role role) {
		this.jdbc.sql("""
				insert into user_roles (user_id, role)
				select :id, :role where not exists (select 1 from user_roles where user_id = :id and role = :role)
				""")
			.param("id", id)
			.param("role", role.name())
			.update();
	}

	void revoke(long id, Role role) {
		this.jdbc.sql("delete from user_roles where user_id = :id and role = :role")
			.param("id", id)
			.param("role", role.name())
			.update();
	}

	void linkEmail(long id, String email) {
		this.jdbc.sql("update users set email = :email where id = :id").param("email", email).param("id", id).update();
	}

	/** Locks the administrators' rows until the transaction ends, and counts them. */
	int lockAdministrators() {
		return this.jdbc.sql("""
				select id from users where id in (select user_id from user_roles where role = 'ADMIN') for update
				""").query(Long.class).list().size();
	}

	/**
	 * Removes what the account module keeps of a member: roles, sign-in links, sessions (signed out
	 * everywhere), and everything personal of the user row, which stays under a name nobody can choose
	 * because comments and daily lists point at it.
	 */
	void erase(long id, String email, String deletedUsername) {
		this.jdbc.sql("delete from user_roles where user_id = :id").param("id", id).update();
		if (email != null) {
			this.jdbc.sql("delete from one_time_tokens where username = :email").param("email", email).update();
			// a session's attributes go with it (on delete cascade)
			this.jdbc.sql("delete from spring_session where principal_name = :email").param("email", email).update();
		}
		this.jdbc.sql("""
				update users set username = :username, display_name = :displayName, email = null, avatar_url = null,
				    hf_user_id = null, needs_profile = false, last_signed_in_at = null
				where id = :id
				""")
			.param("username", deletedUsername)
			.param("displayName", User.DELETED_NAME)
			.param("id", id)
			.update();
	}

	java.util.List<Member> membersWithRoles() {
		return this.jdbc.sql("""
				select * from users where id in (select user_id from user_roles) order by username
				""").query(this::mapMember).list();
	}

	private Member mapMember(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		this.jdbc.sql("select role from user_roles where user_id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach((role) -> roles.add(Role.valueOf(role)));
		return new Member(id, rs.getString("email"), rs.getString("username"), rs.getString("display_name"), roles,
				rs.getBoolean("needs_profile"));
	}

	private static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("avatar_url"));
	}

}
