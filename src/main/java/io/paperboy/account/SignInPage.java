package io.paperboy.account;

import org.springframework.security.web.csrf.CsrfToken;

/** The sign-in form: where to come back to, the address typed, and what went wrong, if anything. */
public record SignInPage(String back, String address, String problem, CsrfToken csrf) {

}
