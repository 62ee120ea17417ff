package io.paperboy.community;

import java.time.Instant;

/**
 * Someone a profile is about: a member, or a submitter an import named (who has submissions but
 * cannot sign in until an administrator links them to an address).
 *
 * @param id database id
 * @param username the handle in {@code /u/{username}}
 * @param displayName the name shown beside what they did
 * @param since when Paperboy first knew them: when the account was made, or when an import first named them
 * @param member whether they can sign in (an account with an address)
 */
public record Person(long id, String username, String displayName, Instant since, boolean member) {

}
