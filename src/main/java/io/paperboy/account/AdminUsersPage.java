package io.paperboy.account;

import java.util.List;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What {@code /admin/users} shows.
 *
 * @param members everyone with a role, by username
 * @param notice what the last change did, or {@code null}
 * @param problem why the last change was refused, or {@code null}
 * @param email the address in the grant form (kept when refused)
 * @param linkUsername the username in the link form (kept when refused)
 * @param linkEmail the address in the link form (kept when refused)
 * @param csrf the token the forms carry
 */
public record AdminUsersPage(List<Member> members, String notice, String problem, String email, String linkUsername,
		String linkEmail, CsrfToken csrf) {

	/** The roles an administrator grants, in the order the form offers them. */
	public List<Role> roles() {
		return List.of(Role.values());
	}

}
