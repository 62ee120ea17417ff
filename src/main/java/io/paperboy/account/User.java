package io.paperboy.account;

/**
 * A person known to Paperboy: a member, or a submitter named by an import (who cannot sign in
 * until an administrator links them to an address).
 *
 * @param id database id
 * @param username unique handle, used in {@code /u/{username}} and the API
 * @param displayName the name shown on cards ("Submitted by ...")
 * @param avatarUrl picture URL, if any
 */
public record User(long id, String username, String displayName, String avatarUrl) {

	/**
	 * How the username of a deleted account starts: '~' is outside the username rule, so no member and
	 * no import can ever have such a username.
	 */
	public static final String DELETED_PREFIX = "deleted~";

	/** What a deleted account is called wherever its comments and submissions are still shown. */
	public static final String DELETED_NAME = "a deleted member";

	/** Whether this is what is left of a deleted account: shown as {@link #DELETED_NAME}, with no page. */
	public boolean isDeleted() {
		return isDeleted(this.username);
	}

	/** Whether a username is that of a deleted account. */
	public static boolean isDeleted(String username) {
		return username != null && username.startsWith(DELETED_PREFIX);
	}

}
