package io.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Who may do what, and the headers every answer carries.
 * <ul>
 * <li>Reading is open to everyone. Changing anything needs a signed-in member and a CSRF token
 * (a hidden form field, or the {@code X-CSRF-TOKEN} header for JSON); a visitor who is not signed
 * in is sent to sign in and brought back, and an API caller gets 401.</li>
 * <li>Operators' pages and actuator endpoints other than health: see {@link OperatorAccess}; to
 * anyone else they do not exist (404).</li>
 * <li>Sign-in: Spring Security's one-time-token login, the steps in {@link SignInSteps}.</li>
 * <li>Content-Security-Policy: scripts only from this site (no inline scripts at all), no plugins,
 * no framing; the referrer stays on this site.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** The policy every page carries. Inline styles stay allowed: no template sets one from user data. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin, SiteProperties site, SignInSteps signIn,
			OneTimeTokenService tokens) {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		RequestMatcher operatorPages = new OrRequestMatcher(path.matcher("/admin"), path.matcher("/admin/**"),
				path.matcher("/actuator/**"));
		RequestMatcher api = path.matcher("/api/**");
		OperatorAccess operators = new OperatorAccess(admin, site);
		AccessDeniedHandler notFound = (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value());
		AuthenticationEntryPoint hidden = (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value());
		AuthenticationEntryPoint signInFirst = (request, response, denied) -> {
			String here = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			// after a form post the page to come back to is the one the form was on
			String back = "GET".equals(request.getMethod()) ? here : refererPath(request);
			response.sendRedirect("/signin?continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
		};
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
			.permitAll()
			.requestMatchers(operatorPages)
			.access(operators)
			.requestMatchers(path.matcher("/welcome"), path.matcher("/settings"), path.matcher("/settings/**"))
			.authenticated()
			.anyRequest()
			.permitAll())
			.oneTimeTokenLogin((ott) -> ott.loginPage("/signin")
				.tokenGeneratingUrl("/signin/link")
				.loginProcessingUrl("/signin/token")
				.showDefaultSubmitPage(false)
				.tokenService(tokens)
				.generateRequestResolver(signIn.linkRequests())
				.tokenGenerationSuccessHandler(signIn.linkMailer())
				.authenticationSuccessHandler(signIn.signedIn())
				.authenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler("/signin?expired")))
			.logout((logout) -> logout.logoutUrl("/signout").logoutSuccessUrl("/papers"))
			// "sign in and come back" goes by the continue parameter, so no request is kept in a session
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			// the subscribe form is in the footer of pages cached for anonymous visitors, so it cannot
			// carry a token; it grants nothing (double opt-in protects the address). Digest links carry
			// a signed per-subscriber token, which is all a CSRF token would prove.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(operators::hasToken, path.matcher("/subscribe"), path.matcher("/digest/**")))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(hidden, operatorPages)
				.defaultAccessDeniedHandlerFor(notFound, operatorPages)
				// with a single mapping Spring Security would use it for every request
				.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), (request) -> true)
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(signInFirst, (request) -> true))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * The session cookie: {@code PAPERBOY_SESSION}, HttpOnly, SameSite=Lax, and Secure whenever the
	 * request came over HTTPS.
	 */
	@Bean
	DefaultCookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("PAPERBOY_SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

	/** A request the firewall refuses (an encoded slash, a path with "..") gets the site's 400 answer. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** Sign-in links in the database: any node can check a link another node mailed. */
	@Bean
	OneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc, Clock clock) {
		JdbcOneTimeTokenService tokens = new JdbcOneTimeTokenService(jdbc);
		tokens.setClock(clock);
		return tokens;
	}

	private static String refererPath(jakarta.servlet.http.HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return "/papers";
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			String back = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			return back.startsWith("/") ? back : "/papers";
		}
		catch (IllegalArgumentException ex) {
			return "/papers";
		}
	}

}
