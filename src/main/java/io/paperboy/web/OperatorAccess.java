package io.paperboy.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may see the operators' pages ({@code /admin/**}) and the actuator endpoints other than health:
 * <ul>
 * <li>a signed-in administrator;</li>
 * <li>a request carrying {@code Authorization: Bearer} with {@code paperboy.admin.token} (scripts,
 * Prometheus);</li>
 * <li>when {@code paperboy.admin.trust-loopback} is on (the default), a request from the loopback
 * address that no proxy relayed: the operator on the machine itself, who can then read the sign-in
 * link of the first administrator in the development outbox. A request with {@code Forwarded} or
 * {@code X-Forwarded-For} is never local, since a proxy on the same machine makes every visitor look
 * local.</li>
 * </ul>
 * Everyone else is told the pages do not exist (404).
 */
class OperatorAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final AdminProperties properties;

	OperatorAccess(AdminProperties properties) {
		this.properties = properties;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		io.paperboy.account.Member member = Viewer.member(authentication.get());
		HttpServletRequest request = context.getRequest();
		return new AuthorizationDecision((member != null && member.isAdmin()) || hasToken(request)
				|| (this.properties.trustLoopback() && isLocal(request)));
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

	private static boolean isLocal(HttpServletRequest request) {
		if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
			return false;
		}
		try {
			// an address literal: no name is looked up
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
