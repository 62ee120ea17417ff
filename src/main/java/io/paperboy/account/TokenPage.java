package io.paperboy.account;

import org.springframework.security.web.csrf.CsrfToken;

/** The page a usable mailed link opens: one button that signs in. */
public record TokenPage(String token, String back, CsrfToken csrf) {

}
