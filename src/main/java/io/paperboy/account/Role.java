package io.paperboy.account;

/** What a member may do beyond voting, commenting and submitting. */
public enum Role {

	/** Submits to any day, features or hides a paper on a day, hides comments. */
	CURATOR,

	/** Grants roles and sees the operators' pages. */
	ADMIN;

	/** The authority Spring Security checks: {@code ROLE_CURATOR}, {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
