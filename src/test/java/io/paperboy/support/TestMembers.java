package io.paperboy.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
import io.paperboy.account.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in members for tests: each a new account, with a username and display name chosen. */
public final class TestMembers {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private TestMembers() {
	}

	public static Member create(Accounts accounts, String displayName) {
		int number = COUNT.incrementAndGet();
		Member member = accounts.loadUserByUsername("member" + number + "@example.org");
		return accounts.chooseProfile(member.id(), "member" + number, displayName);
	}

	/**
	 * A member with a chosen username and display name, and the roles given, made through
	 * {@link Accounts} as a sign-in and the welcome page would make them.
	 */
	public static Member member(Accounts accounts, String username, String displayName, Role... roles) {
		String email = username + "@example.org";
		Member member = accounts.loadUserByUsername(email);
		for (Role role : roles) {
			accounts.grant(email, role);
		}
		return accounts.chooseProfile(member.id(), username, displayName);
	}

	public static Member create(Accounts accounts) {
		return create(accounts, "Member " + (COUNT.get() + 1));
	}

	/** A request made by this member, signed in. */
	public static RequestPostProcessor signedIn(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

}
