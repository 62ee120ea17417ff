package io.paperboy.account;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The first-time choice of a username and display name.
 *
 * @param username the username offered, or as typed
 * @param displayName the display name offered, or as typed
 * @param back where to go afterwards
 * @param usernameProblem why the username cannot be used, shown beside its field, or {@code null}
 * @param displayNameProblem why the display name cannot be used, or {@code null}
 * @param csrf the form's token
 */
public record WelcomePage(String username, String displayName, String back, String usernameProblem,
		String displayNameProblem, CsrfToken csrf) {

	/** The rule for usernames, in words, beside the field. */
	public String usernameRule() {
		return Accounts.USERNAME_RULE;
	}

	static WelcomePage offering(String username, String displayName, String back, CsrfToken csrf) {
		return new WelcomePage(username, displayName, back, null, null, csrf);
	}

	static WelcomePage refusing(String username, String displayName, String back, InvalidProfileException refusal,
			CsrfToken csrf) {
		boolean aboutName = InvalidProfileException.DISPLAY_NAME.equals(refusal.field());
		return new WelcomePage(username, displayName, back, aboutName ? null : refusal.getMessage(),
				aboutName ? refusal.getMessage() : null, csrf);
	}

}
