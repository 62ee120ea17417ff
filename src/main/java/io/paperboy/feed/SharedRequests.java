package io.paperboy.feed;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's headers and parameters read as Spring MVC hands them to a controller's
 * {@code String} argument (several values joined by commas), for the {@link io.paperboy.web.SharedAnswers}
 * that call the controllers' methods without it.
 */
final class SharedRequests {

	private SharedRequests() {
	}

	/** The header's values joined by commas, or {@code null} without one (as {@code @RequestHeader}). */
	static String header(HttpServletRequest request, String name) {
		List<String> values = Collections.list(request.getHeaders(name));
		return values.isEmpty() ? null : String.join(",", values);
	}

	/** The parameter's values joined by commas, or {@code null} without one (as {@code @RequestParam}). */
	static String parameter(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values == null) ? null : String.join(",", values);
	}

}
