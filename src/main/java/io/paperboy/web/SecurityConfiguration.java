package io.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, and the headers every answer carries. Every rule of access is here, in the filter
 * chain; a controller that takes a {@code Member} (see {@code account.MemberArguments}) is only reached by a
 * signed-in member. {@code docs/operations.md} ("Who may do what") lists the rules for operators.
 * <ul>
 * <li>Reading is open to everyone, except a member's own pages (welcome, settings, the submit and
 * curate pages, a comment's edit form, their library and collections, their subscription, library
 * and collections in the API).</li>
 * <li>Changing anything ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) needs a signed-in
 * member and a CSRF token (a hidden form field, or the {@code X-CSRF-TOKEN} header for JSON), except
 * on the few addresses in {@link #PUBLIC_CHANGES}: signing in and out, subscribing, the signed digest
 * links. A new form or API call is thus for members until it is named there (see
 * {@link #mappedChanges}). A visitor who is not
 * signed in is sent to sign in and brought back ({@link #comeBackTo}); an API caller gets a 401
 * problem document, in the words {@link #API_REFUSALS} gives for the address.</li>
 * <li>Reported comments are for curators: to anyone else the page does not exist (404).</li>
 * <li>Operators' pages and actuator endpoints other than health: see {@link OperatorAccess}; to
 * anyone else they do not exist (404).</li>
 * <li>Sign-in: Spring Security's one-time-token login, the steps in {@link SignInSteps}.</li>
 * <li>Content-Security-Policy: scripts only from this site (no inline scripts at all), no plugins,
 * no framing; the referrer stays on this site.</li>
 * <li>Pages and answers that are the same for every anonymous visitor ({@link SharedAnswers}) are sent
 * to requests without the session cookie ahead of all this ({@link SharedAnswersFilter}), with the
 * same headers.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** The policy every page carries. Inline styles stay allowed: no template sets one from user data. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Who may read the reported comments: curators, and administrators, who are curators too. */
	private static final Set<String> CURATOR_AUTHORITIES = Set.of("ROLE_CURATOR", OperatorAccess.ADMIN_AUTHORITY);

	/** Pages that show a member their own things: anyone else signs in first. */
	static final List<String> MEMBERS_PAGES = List.of("/welcome", "/settings", "/settings/**", "/submit", "/curate",
			"/comments/*/edit", "/api/subscription", "/library", "/library/**", "/library.bib", "/library.ris",
			"/api/library", "/api/collections", "/api/collections/**", "/papers/for-you", "/papers/for-you/**",
			"/api/papers/for-you");

	/**
	 * The addresses where someone who is not signed in may change something: signing in and out
	 * (handled by Spring Security's filters), subscribing (double opt-in protects the address), the
	 * digest links (each carries a signed per-subscriber token), and the error page a failed
	 * request is shown.
	 */
	static final List<String> PUBLIC_CHANGES = List.of("/signin/link", "/signin/token", "/signout", "/subscribe",
			"/digest/**", "/error");

	/** Reported comments: curators only. */
	static final String CURATORS_PAGE = "/moderation/reports";

	/**
	 * What an API caller who is not signed in is told (401), address by address: the first pattern
	 * that matches, else the last entry.
	 */
	static final List<Refusal> API_REFUSALS = List.of(
			new Refusal("/api/papers/*/upvote", "Not signed in",
					"Sign in to vote: send the session cookie of a signed-in member."),
			new Refusal("/api/papers/*/*/upvote", "Not signed in",
					"Sign in to vote: send the session cookie of a signed-in member."),
			new Refusal("/api/papers/submit", "Sign in first", "Only signed-in members submit papers."),
			new Refusal("/api/papers/*/comments/**", "Sign in first", "Sign in to do this."),
			new Refusal("/api/subscription", "Not signed in", "Sign in to see or change your digest subscription."),
			new Refusal("/api/papers/for-you", "Not signed in", "Sign in to see the papers picked for you."),
			new Refusal("/api/**", "Sign in first", "Sign in to do this."));

	/** The session cookie's name. */
	static final String SESSION_COOKIE = "PAPERBOY_SESSION";

	/**
	 * Where {@link SharedAnswersFilter} stands: first, before the request metrics (Spring Boot's
	 * observation filter, at {@code HIGHEST_PRECEDENCE + 1}, which costs as much as the rest of an
	 * anonymous read), Spring Session ({@code HIGHEST_PRECEDENCE + 50}) and Spring Security
	 * ({@code -100}). The filter counts what it answers itself.
	 */
	static final int SHARED_ANSWERS_ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin, SiteProperties site, SignInSteps signIn,
			OneTimeTokenService tokens, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		RequestMatcher operatorPages = new OrRequestMatcher(path.matcher("/admin"), path.matcher("/admin/**"),
				path.matcher("/actuator/**"));
		RequestMatcher curatorsPage = path.matcher(HttpMethod.GET, CURATORS_PAGE);
		RequestMatcher hiddenPages = new OrRequestMatcher(operatorPages, curatorsPage);
		// read when the first request comes, once every controller is mapped
		SingletonSupplier<RequestMatcher> mappedChanges = SingletonSupplier.of(() -> mappedChanges(path, mappings.getObject()));
		RequestMatcher changes = (request) -> CHANGES.contains(HttpMethod.valueOf(request.getMethod()))
				&& mappedChanges.obtain().matches(request);
		OperatorAccess operators = new OperatorAccess(admin, site);
		AccessDeniedHandler notFound = (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value());
		AuthenticationEntryPoint hidden = (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value());
		AuthenticationEntryPoint signInFirst = (request, response, denied) -> {
			String location = "/signin?continue=" + URLEncoder.encode(comeBackTo(request), StandardCharsets.UTF_8);
			if (isRead(request)) {
				response.sendRedirect(location);
			}
			else {
				// after a form post: see the sign-in page (303), do not post to it
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION, location);
			}
		};
		http.authorizeHttpRequests((requests) -> requests
			// the error page of a request already refused or failed: it changes nothing
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
			.permitAll()
			.requestMatchers(operatorPages)
			.access(operators)
			.requestMatchers(curatorsPage)
			.access((authentication, context) -> {
				Authentication who = authentication.get();
				return new AuthorizationDecision(who != null && who.getAuthorities()
					.stream()
					.anyMatch((granted) -> CURATOR_AUTHORITIES.contains(granted.getAuthority())));
			})
			.requestMatchers(matchers(path, MEMBERS_PAGES))
			.authenticated()
			.requestMatchers(matchers(path, PUBLIC_CHANGES))
			.permitAll()
			.requestMatchers(changes)
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
			.exceptionHandling((exceptions) -> {
				exceptions.defaultAuthenticationEntryPointFor(hidden, hiddenPages)
					.defaultAccessDeniedHandlerFor(notFound, hiddenPages)
					// with a single mapping Spring Security would use it for every request
					.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), (request) -> true);
				for (Refusal refusal : API_REFUSALS) {
					exceptions.defaultAuthenticationEntryPointFor(refusal.entryPoint(errors), path.matcher(refusal.pattern()));
				}
				exceptions.defaultAuthenticationEntryPointFor(signInFirst, (request) -> true);
			})
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
		return http.build();
	}

	/**
	 * What an API caller who is not signed in is told at the addresses matching a pattern.
	 *
	 * @param pattern a path pattern, such as {@code /api/papers/{id}/upvote}
	 * @param title the problem's title
	 * @param detail the problem's detail
	 */
	record Refusal(String pattern, String title, String detail) {

		/** The 401, answered by {@link ErrorHandling} like every other failure of the API. */
		AuthenticationEntryPoint entryPoint(HandlerExceptionResolver errors) {
			return (request, response, ex) -> {
				if (errors.resolveException(request, response, null, new NotSignedInException(this.title, this.detail)) == null) {
					response.sendError(HttpStatus.UNAUTHORIZED.value());
				}
			};
		}

	}

	/**
	 * Every address a controller maps for a change ({@code POST}, {@code PUT}, {@code PATCH},
	 * {@code DELETE}), whichever controller it is: a new one is for members until it is named in
	 * {@link #PUBLIC_CHANGES}. A change of an address that maps none (a {@code POST} to a paper) is
	 * left to Spring MVC, which answers 405 or 404 to everyone alike.
	 */
	private static RequestMatcher mappedChanges(PathPatternRequestMatcher.Builder path, RequestMappingHandlerMapping mappings) {
		List<RequestMatcher> matchers = new ArrayList<>();
		for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
				for (HttpMethod method : CHANGES) {
					if (methods.isEmpty() || methods.contains(RequestMethod.resolve(method))) {
						matchers.add(path.matcher(method, pattern));
					}
				}
			}
		}
		return new OrRequestMatcher(matchers);
	}

	private static RequestMatcher matchers(PathPatternRequestMatcher.Builder path, List<String> patterns) {
		return new OrRequestMatcher(patterns.stream().map((pattern) -> (RequestMatcher) path.matcher(pattern)).toList());
	}

	/**
	 * Where a visitor sent to sign in comes back to: the page they asked for; after a form, the page
	 * the form was on: the page its {@code back} field names, the paper a comment was for, the paper
	 * an upvote was for, else the page the browser says it came from.
	 */
	static String comeBackTo(HttpServletRequest request) {
		String here = request.getRequestURI() + ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		if (isRead(request)) {
			return here;
		}
		String back = request.getParameter("back");
		if (back != null) {
			return SafeRedirect.path(back);
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String paper = request.getParameter("paper");
		if (path.equals("/comments") && paper != null) {
			return SafeRedirect.path("/papers/" + paper + "#comments");
		}
		if (path.startsWith("/papers/") && path.endsWith("/upvote")) {
			return SafeRedirect.path(path.substring(0, path.length() - "/upvote".length()));
		}
		return refererPath(request);
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	/**
	 * The session cookie: {@code PAPERBOY_SESSION}, HttpOnly, SameSite=Lax, and Secure whenever the
	 * request came over HTTPS.
	 */
	@Bean
	DefaultCookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(SESSION_COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

	/** Anonymous reads of pages kept ready, without sessions, security context or Spring MVC. */
	@Bean
	FilterRegistrationBean<SharedAnswersFilter> sharedAnswersFilter(ObjectProvider<SharedAnswers> answers,
			MeterRegistry meters) {
		FilterRegistrationBean<SharedAnswersFilter> registration = new FilterRegistrationBean<>(
				new SharedAnswersFilter(answers.orderedStream().toList(), SESSION_COOKIE, meters));
		registration.setOrder(SHARED_ANSWERS_ORDER);
		return registration;
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

	private static String refererPath(HttpServletRequest request) {
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
