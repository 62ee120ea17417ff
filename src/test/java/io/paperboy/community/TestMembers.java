package io.paperboy.community;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Members made through {@link Accounts}, as a sign-in and the welcome page would make them. */
public final class TestMembers {

	private final Accounts accounts;

	public TestMembers(Accounts accounts) {
		this.accounts = accounts;
	}

	/** A member with a chosen username and display name, and the roles given. */
	public Member member(String username, String displayName, Role... roles) {
		String email = username + "@example.org";
		Member member = this.accounts.loadUserByUsername(email);
		for (Role role : roles) {
			this.accounts.grant(email, role);
		}
		return this.accounts.chooseProfile(member.id(), username, displayName);
	}

	/** Signs the request in as the member. */
	public static RequestPostProcessor as(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

}
