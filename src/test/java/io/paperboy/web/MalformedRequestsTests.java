package io.paperboy.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the servlet container itself finds malformed, sent over a real socket (a mock
 * request would never be malformed this way): a clear 400, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

	/** The whole response to a GET sent as raw bytes: HTTP clients refuse to send such a request. */
	private String get(String pathAndQuery) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
