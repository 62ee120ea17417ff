package io.paperboy.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member, as the session keeps them. A controller behind a members-only rule of the
 * security configuration takes it as {@code Member member} (given by {@code web.MemberArguments},
 * never {@code null}); one open to everyone as {@code @AuthenticationPrincipal Member member}
 * ({@code null} for a visitor who is not signed in).
 * Roles are read at sign-in: a role granted later applies from the next sign-in.
 *
 * @param id the user id
 * @param email the address they sign in with
 * @param username their handle ({@code /u/{username}})
 * @param displayName the name shown beside what they do
 * @param roles roles beyond member
 * @param needsProfile whether they have yet to choose a username and display name
 */
public record Member(long id, String email, String username, String displayName, Set<Role> roles,
		boolean needsProfile) implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public Member {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean isCurator() {
		return this.roles.contains(Role.CURATOR) || isAdmin();
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	/** This member as a {@link User}, the way other features show people. */
	public User user() {
		return new User(this.id, this.username, this.displayName, null);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
		this.roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	/** Members have no password: they sign in with a mailed link. */
	@Override
	public String getPassword() {
		return null;
	}

	/** Spring Security's name for a member is their address: the one-time tokens are issued to it. */
	@Override
	public String getUsername() {
		return this.email;
	}

}
