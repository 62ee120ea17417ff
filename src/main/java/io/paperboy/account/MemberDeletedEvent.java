package io.paperboy.account;

/**
 * A member deleted their account (or an operator deleted it). Published inside the transaction that
 * deletes it, before the account's own rows go: each module listens and removes, in that same
 * transaction, what it keeps for the member, so the account and everything of it go together or not
 * at all. See {@code docs/privacy.md}.
 *
 * @param memberId the member's user id (the row stays, nameless, while comments point at it)
 * @param email the address they signed in with, which sessions, sign-in links and a digest
 * subscription made before they had an account are kept under
 */
public record MemberDeletedEvent(long memberId, String email) {

}
