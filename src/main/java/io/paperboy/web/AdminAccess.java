package io.paperboy.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may see the operators' pages before accounts exist: a request from the loopback address
 * (the operator on the machine itself), or one carrying the configured token. A request relayed by
 * a proxy (one with {@code Forwarded} or {@code X-Forwarded-For}) is not trusted as local, since a
 * proxy on the same machine makes every visitor look local.
 * <p>
 * It guards every page under {@code /admin/}: to anyone else they do not exist (404), and what they
 * show is never kept by a shared cache.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer, HandlerInterceptor {

	private final String token;

	AdminAccess(AdminProperties properties) {
		this.token = properties.token();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/admin", "/admin/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!allows(request)) {
			throw new NotFoundException("No such page: " + request.getRequestURI());
		}
		response.setHeader("Cache-Control", "no-store");
		return true;
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
