package io.paperboy.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The operators' pages as tests open them: with the bearer token that the test configuration sets
 * ({@code paperboy.admin.token}), the way a script or Prometheus does.
 */
public final class Operators {

	/** The {@code Authorization} header value that opens the operators' pages in tests. */
	public static final String AUTHORIZATION = "Bearer test-operator-token";

	private Operators() {
	}

	/** A MockMvc request with the operators' token. */
	public static RequestPostProcessor operator() {
		return (request) -> {
			request.addHeader("Authorization", AUTHORIZATION);
			return request;
		};
	}

}
