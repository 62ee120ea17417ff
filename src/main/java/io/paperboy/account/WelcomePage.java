package io.paperboy.account;

import org.springframework.security.web.csrf.CsrfToken;

/** The first-time choice of a username and display name. */
public record WelcomePage(String username, String displayName, String back, String problem, CsrfToken csrf) {

}
