package io.paperboy.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Sends the {@link SharedAnswers} to visitors who are not signed in, ahead of Spring Session,
 * Spring Security and Spring MVC: no session is looked up or made, no security context or CSRF
 * token is prepared, no handler is searched for. What the skipped filters would have added is
 * added here as fixed values ({@link #HEADERS}); {@code If-None-Match} is answered by the code
 * Spring MVC answers it with ({@code 304} for a matching tag, weak or strong).
 * <p>
 * Only a request that cannot concern a member takes this path: a {@code GET} or {@code HEAD},
 * without the session cookie and without an {@code Authorization} header, to an address made of
 * plain characters only (no percent-encoding, no {@code ..}, no {@code ;}, nothing Spring
 * Security's firewall would look at twice) that matches one of the patterns. Everything else,
 * and every answer that is not a plain 200 with an entity tag, goes through the whole chain as before.
 * <p>
 * It stands ahead of Spring Boot's request metrics too ({@code http.server.requests}), which would
 * cost as much as the rest of such a read: what it answers is counted in
 * {@value #ANSWERS_METER} instead, by pattern and status.
 */
final class SharedAnswersFilter extends HttpFilter {

	/**
	 * What Spring Security's header writers add to such an answer (the answers carry their own
	 * {@code Cache-Control}, so its no-cache trio is not added); {@code SharedAnswersTests} checks
	 * that the two stay the same.
	 */
	static final List<Map.Entry<String, String>> HEADERS = List.of(Map.entry("X-Content-Type-Options", "nosniff"),
			Map.entry("X-XSS-Protection", "0"), Map.entry("X-Frame-Options", "DENY"),
			Map.entry("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY),
			Map.entry("Referrer-Policy", "strict-origin-when-cross-origin"));

	/** Added to answers over HTTPS, as Spring Security does. */
	static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

	/** Segments of letters, digits, {@code -}, {@code _} and dots, none starting with a dot. */
	private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");

	private static final Pattern PLAIN_QUERY = Pattern.compile("[A-Za-z0-9=&_.,:-]*");

	/** The counter of the answers sent here, tagged with the address's pattern and the status. */
	static final String ANSWERS_METER = "paperboy.shared.answers";

	private final List<Route> routes;

	private final String sessionCookie;

	/**
	 * @param answers every feature's shared answers
	 * @param sessionCookie the session cookie's name: a request that carries it takes the whole chain
	 * @param meters where the answers sent are counted
	 */
	SharedAnswersFilter(List<SharedAnswers> answers, String sessionCookie, MeterRegistry meters) {
		List<Route> routes = new ArrayList<>();
		for (SharedAnswers shared : answers) {
			for (String pattern : shared.patterns()) {
				routes.add(new Route(PathPatternParser.defaultInstance.parse(pattern), pattern, shared,
						meters.counter(ANSWERS_METER, "pattern", pattern, "status", "200"),
						meters.counter(ANSWERS_METER, "pattern", pattern, "status", "304")));
			}
		}
		// the most specific first, as Spring MVC chooses
		routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
		this.routes = List.copyOf(routes);
		this.sessionCookie = sessionCookie + "=";
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(isAnonymousRead(request) && answer(request, response))) {
			chain.doFilter(request, response);
		}
	}

	private boolean isAnonymousRead(HttpServletRequest request) {
		String method = request.getMethod();
		if (!("GET".equals(method) || "HEAD".equals(method)) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| !request.getContextPath().isEmpty()) {
			return false;
		}
		Enumeration<String> cookies = request.getHeaders(HttpHeaders.COOKIE);
		while (cookies.hasMoreElements()) {
			// any mention of the name, even one Spring Session would not read, takes the whole chain
			if (cookies.nextElement().contains(this.sessionCookie)) {
				return false;
			}
		}
		if (request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME) != null) {
			return false;
		}
		String query = request.getQueryString();
		return PLAIN_PATH.matcher(request.getRequestURI()).matches()
				&& (query == null || PLAIN_QUERY.matcher(query).matches());
	}

	/** Sends the shared answer and says so, or sends nothing and says so. */
	private boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		for (Route route : this.routes) {
			PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
			if (match != null) {
				return send(route, match.getUriVariables(), request, response);
			}
		}
		return false;
	}

	private static boolean send(Route route, Map<String, String> variables, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ResponseEntity<byte[]> answer;
		try {
			answer = route.answers().answer(route.text(), variables, request);
		}
		catch (RuntimeException ex) {
			// a bad date, an unknown page, a failing database: the controller answers it again, as always
			return false;
		}
		Prepared prepared = (answer != null) ? route.prepared(answer) : null;
		if (prepared == null) {
			// only kept answers, which carry their tag and Cache-Control, are sent here
			return false;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		for (Map.Entry<String, String> header : HEADERS) {
			response.setHeader(header.getKey(), header.getValue());
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
		}
		String[] headers = prepared.headers();
		for (int i = 0; i < headers.length; i += 2) {
			response.addHeader(headers[i], headers[i + 1]);
		}
		if (isConditional(request) && new ServletWebRequest(request, response).checkNotModified(prepared.tag())) {
			// 304, with the headers above and no body
			route.notModified().increment();
			return true;
		}
		route.sent().increment();
		byte[] body = prepared.body();
		response.setContentLength(body.length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
		return true;
	}

	/** Whether the request asks anything of the answer's tag or date, which Spring MVC's check then answers. */
	private static boolean isConditional(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null || request.getHeader(HttpHeaders.IF_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null;
	}

	/**
	 * A kept answer as this filter sends it: its tag, its headers as name and value in turn, its body.
	 * The features keep each answer as one {@code ResponseEntity} for as long as it holds, so this is
	 * made once per answer rather than once per request.
	 */
	private record Prepared(ResponseEntity<byte[]> answer, String tag, String[] headers, byte[] body) {

		/** The answer prepared, or {@code null} when it is not a plain 200 with a tag and a body. */
		static Prepared of(ResponseEntity<byte[]> answer) {
			String tag = answer.getHeaders().getETag();
			if (tag == null || answer.getStatusCode().value() != HttpServletResponse.SC_OK || answer.getBody() == null) {
				return null;
			}
			List<String> headers = new ArrayList<>();
			answer.getHeaders().forEach((name, values) -> values.forEach((value) -> {
				headers.add(name);
				headers.add(value);
			}));
			return new Prepared(answer, tag, headers.toArray(String[]::new), answer.getBody());
		}

	}

	/** A pattern, as parsed and as written, who answers it, and the counts of its 200s and 304s. */
	private record Route(PathPattern pattern, String text, SharedAnswers answers, Counter sent, Counter notModified,
			AtomicReferenceArray<Prepared> kept) {

		/** Slots for the answers last sent: an address's encodings and pages, found by their identity. */
		private static final int SLOTS = 4;

		Route(PathPattern pattern, String text, SharedAnswers answers, Counter sent, Counter notModified) {
			this(pattern, text, answers, sent, notModified, new AtomicReferenceArray<>(SLOTS));
		}

		/** The answer as this filter sends it, prepared once for as long as the feature keeps the answer. */
		Prepared prepared(ResponseEntity<byte[]> answer) {
			int slot = System.identityHashCode(answer) & (SLOTS - 1);
			Prepared last = this.kept.get(slot);
			if (last != null && last.answer() == answer) {
				return last;
			}
			Prepared prepared = Prepared.of(answer);
			if (prepared != null) {
				this.kept.set(slot, prepared);
			}
			return prepared;
		}

	}

}
