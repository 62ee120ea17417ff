package io.paperboy.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.paperboy.account.Accounts;
import io.paperboy.account.Member;
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

	public static Member create(Accounts accounts) {
		return create(accounts, "Member " + (COUNT.get() + 1));
	}

	/** A request made by this member, signed in. */
	public static RequestPostProcessor signedIn(Member member) {
		return authentication(new UsernamePasswordAuthenticationToken(member, null, member.getAuthorities()));
	}

}
