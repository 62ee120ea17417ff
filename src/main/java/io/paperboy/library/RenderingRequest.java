package io.paperboy.library;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The request a template is being rendered for. The buttons a template shows ({@link SaveButtons},
 * {@link FollowButtons}) are asked from the template itself, so they find the member's library
 * through the request's application rather than being given it.
 */
final class RenderingRequest {

	private RenderingRequest() {
	}

	/** The request, when the current thread serves one. */
	static Optional<HttpServletRequest> current() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

	/** The library of the application that serves this request. */
	static Library library(HttpServletRequest request) {
		return RequestContextUtils.findWebApplicationContext(request).getBean(Library.class);
	}

}
