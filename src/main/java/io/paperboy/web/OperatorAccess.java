package io.paperboy.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may see the operators' pages ({@code /admin/**}) and the actuator endpoints other than health.
 * First, the request must name this site: its {@code Host} is the host of {@code paperboy.base-url}
 * or one of {@code paperboy.admin.hosts}, so a page of another site that a browser on the server's
 * machine opens (DNS rebinding) cannot reach them. Then it must come from
 * <ul>
 * <li>a signed-in administrator;</li>
 * <li>a request carrying {@code Authorization: Bearer} with {@code paperboy.admin.token} (scripts,
 * Prometheus);</li>
 * <li>only when {@code paperboy.admin.trust-loopback} is on (it is off by default), a request from
 * the loopback address that reached Paperboy directly: one that came through a trusted proxy, or
 * carries any proxy header ({@code Forwarded}, {@code X-Forwarded-*}, {@code X-Real-IP},
 * {@code Via}), is never local.</li>
 * </ul>
 * Everyone else is told the pages do not exist (404).
 */
class OperatorAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private static final Logger logger = LoggerFactory.getLogger(OperatorAccess.class);

	private static final String[] PROXY_HEADERS = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Proto", "X-Forwarded-Port", "X-Real-IP", "Via" };

	/** The authority of administrators (see {@code io.paperboy.account.Role#ADMIN}). */
	static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

	private final AdminProperties properties;

	private final Set<String> hosts;

	/** Hosts already reported in the log, so a scan does not flood it. */
	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	OperatorAccess(AdminProperties properties, SiteProperties site) {
		this.properties = properties;
		Set<String> hosts = new HashSet<>(properties.hosts());
		String baseHost = URI.create(site.baseUrl()).getHost();
		if (baseHost != null) {
			hosts.add(baseHost.toLowerCase(Locale.ROOT));
		}
		this.hosts = Set.copyOf(hosts);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpServletRequest request = context.getRequest();
		if (!isForThisSite(request)) {
			return new AuthorizationDecision(false);
		}
		return new AuthorizationDecision(isAdministrator(authentication.get()) || hasToken(request)
				|| (this.properties.trustLoopback() && isLocal(request)));
	}

	/**
	 * Whether a signed-in administrator is asking: accounts grant {@value #ADMIN_AUTHORITY} to their
	 * administrators, and the shared frame reads the authority rather than the account's own types.
	 */
	private static boolean isAdministrator(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
	}

	boolean hasToken(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		String token = this.properties.token();
		if (token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		// compared in constant time, so the answer's timing tells nothing about the token
		return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

	private boolean isForThisSite(HttpServletRequest request) {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (this.hosts.contains(host)) {
			return true;
		}
		if (this.reported.size() < 100 && this.reported.add(host)) {
			logger.warn("Refused an operators' page asked for under the host '{}': only {} are allowed. "
					+ "Set paperboy.base-url to the site's public address, or list other names in paperboy.admin.hosts.",
					printable(host), this.hosts);
		}
		return false;
	}

	private static boolean isLocal(HttpServletRequest request) {
		if (TrustedProxies.cameThroughProxy(request)) {
			return false;
		}
		for (String header : PROXY_HEADERS) {
			if (request.getHeader(header) != null) {
				return false;
			}
		}
		try {
			// an address literal: no name is looked up
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The host as it may go into the log: a client chose it. */
	private static String printable(String host) {
		return host.replaceAll("[^\\x20-\\x7e]", "?");
	}

}
