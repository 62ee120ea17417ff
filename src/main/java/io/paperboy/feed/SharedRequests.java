package io.paperboy.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
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
		Enumeration<String> headers = request.getHeaders(name);
		if (!headers.hasMoreElements()) {
			return null;
		}
		String first = headers.nextElement();
		if (!headers.hasMoreElements()) {
			// the usual case: one value, as it is
			return first;
		}
		List<String> values = new ArrayList<>();
		values.add(first);
		values.addAll(Collections.list(headers));
		return String.join(",", values);
	}

	/** The parameter's values joined by commas, or {@code null} without one (as {@code @RequestParam}). */
	static String parameter(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values == null) ? null : String.join(",", values);
	}

}
