package io.paperboy.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up users, and records the submitters that imports name. */
@Service
public class UserDirectory {

	private final UserRepository users;

	private final Clock clock;

	UserDirectory(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<User> findByUsername(String username) {
		return this.users.findByUsername(username);
	}

	@Transactional(readOnly = true)
	public Map<Long, User> findAll(Collection<Long> ids) {
		return this.users.findAll(ids);
	}

	/**
	 * The user an import names as a submitter, created on first sight. An existing user is returned
	 * as it is: imports never rename people, so a member's own profile edits are never overwritten.
	 */
	@Transactional
	public User ensureImported(String username, String displayName, String avatarUrl, String sourceId) {
		return this.users.findByUsername(username)
			.orElseGet(() -> this.users.insert(username, (displayName == null || displayName.isBlank()) ? username
					: displayName, avatarUrl, sourceId, this.clock.instant()));
	}

}
