package io.paperboy.web;

import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * The steps of signing in with a mailed link, which the security configuration plugs into Spring
 * Security's one-time-token login. Accounts implement them ({@code io.paperboy.account.SignInFlow});
 * the interface lives here so that the site's frame does not depend on the feature above it.
 */
public interface SignInSteps {

	/** Checks the address a visitor asked a link for, and how long the link stays good. */
	GenerateOneTimeTokenRequestResolver linkRequests();

	/** Mails the link once Spring Security has stored its token. */
	OneTimeTokenGenerationSuccessHandler linkMailer();

	/** Where a member goes once the link has signed them in. */
	AuthenticationSuccessHandler signedIn();

}
