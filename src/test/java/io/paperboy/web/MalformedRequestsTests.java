package io.paperboy.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.paperboy.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the servlet container itself finds malformed, sent over a real socket (a mock
 * request would never be malformed this way): a clear 400, never a 500 or a stack trace, and the
 * same protective headers as every page even when Tomcat answers before Paperboy sees the request.
 */
@ServerTest
class MalformedRequestsTests {

	@LocalServerPort
	int port;

	@Test
	void anUndecodableQueryParameterIsABadRequestProblem() throws Exception {
		String response = get("/api/daily_papers?date=%zz");

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("not valid percent-encoded").doesNotContain("Exception");
	}

	@Test
	void anUndecodablePathIsABadRequestWithoutATrace() throws Exception {
		String response = get("/papers/%zz");

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertThat(response).doesNotContain("Exception").doesNotContain("at org.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers/%00", "/papers/a%2Fb", "/papers/%zz", "/api/papers/%00" })
	void aPathTomcatRefusesIsABadRequestWithTheSitesHeaders(String path) throws Exception {
		String response = get(path);

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertProtected(response);
	}

	@Test
	void aRequestLinePastEightKilobytesIsABadRequestWithTheSitesHeaders() throws Exception {
		String response = get("/papers?q=" + "a".repeat(9 * 1024));

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertProtected(response);
	}

	@Test
	void aHeaderPastEightKilobytesIsABadRequestWithTheSitesHeaders() throws Exception {
		String response = get("/papers", "X-Padding: " + "a".repeat(9 * 1024) + "\r\n");

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertProtected(response);
	}

	private static void assertProtected(String response) {
		String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
		assertThat(head).contains("content-security-policy: " + SecurityConfiguration.CONTENT_SECURITY_POLICY.toLowerCase(java.util.Locale.ROOT))
			.contains("x-content-type-options: nosniff")
			.contains("x-frame-options: deny")
			.contains("referrer-policy: strict-origin-when-cross-origin");
		assertThat(response).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Tomcat");
	}

	private String get(String pathAndQuery) throws Exception {
		return get(pathAndQuery, "");
	}

	/** The whole response to a GET sent as raw bytes: HTTP clients refuse to send such a request. */
	private String get(String pathAndQuery, String extraHeaders) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
