package io.paperboy.account;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /settings/account}: the member's profile, their data, and the form that deletes the account.
 *
 * @param member the signed-in member
 * @param typed what they typed to confirm a deletion, kept when it was refused
 * @param problem why the account was not deleted, or {@code null}
 * @param csrf the form's token
 */
public record AccountSettingsPage(Member member, String typed, String problem, CsrfToken csrf) {

}
