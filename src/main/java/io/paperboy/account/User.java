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

}
