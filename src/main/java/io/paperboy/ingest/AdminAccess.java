package io.paperboy.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who may see the operators' pages before accounts exist: a request from the loopback address
 * (the operator on the machine itself), or one carrying the configured token. A request relayed by
 * a proxy (one with {@code Forwarded} or {@code X-Forwarded-For}) is not trusted as local, since a
 * proxy on the same machine makes every visitor look local.
 */
@Component
class AdminAccess {

	private final String token;

	AdminAccess(AdminProperties properties) {
		this.token = properties.token();
	}

	boolean allows(HttpServletRequest request) {
		return hasToken(request.getHeader("Authorization")) || isLocal(request);
	}

	private boolean hasToken(String authorization) {
		if (this.token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		// compared in constant time, so the answer's timing tells nothing about the token
		return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
				this.token.getBytes(StandardCharsets.UTF_8));
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
