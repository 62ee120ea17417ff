package io.paperboy.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up while its answer is being written (a closed tab, a script's timeout) is
 * nobody's failure: no ERROR, no stack trace, for an API answer and for a page alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTests {

	@LocalServerPort
	int port;

	@Autowired
	Gate gate;

	@BeforeEach
	void freshGate() {
		this.gate.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/test/large", "/test/large-page" })
	void aClientThatHangsUpMidAnswerLeavesNoErrorInTheLog(String path, CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(this.gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
			// a reset rather than an orderly close: every later write of the server fails
			socket.setSoLinger(true, 0);
		}
		this.gate.release.countDown();

		await().atMost(Duration.ofSeconds(20)).until(() -> this.gate.finished.getCount() == 0);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR")
			.doesNotContain("WARN")
			.doesNotContain("ClientAbortException")
			.doesNotContain("Broken pipe");
	}

	/** Holds a request until the client has gone, and says when the server is done with it. */
	static class Gate {

		volatile CountDownLatch entered;

		volatile CountDownLatch release;

		volatile CountDownLatch finished;

		void reset() {
			this.entered = new CountDownLatch(1);
			this.release = new CountDownLatch(1);
			this.finished = new CountDownLatch(1);
		}

		void hold() {
			this.entered.countDown();
			try {
				this.release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LargeAnswers {

		@Bean
		Gate gate() {
			Gate gate = new Gate();
			gate.reset();
			return gate;
		}

		@Bean
		LargeAnswerController largeAnswerController(Gate gate) {
			return new LargeAnswerController(gate);
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> finishedFilter(Gate gate) {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							try {
								chain.doFilter(request, response);
							}
							finally {
								if (request.getRequestURI().contains("/test/large")) {
									gate.finished.countDown();
								}
							}
						}
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	/** Answers far larger than the socket buffers, written once the client has gone. */
	@RestController
	static class LargeAnswerController {

		private final Gate gate;

		LargeAnswerController(Gate gate) {
			this.gate = gate;
		}

		@GetMapping("/api/test/large")
		List<String> large() {
			this.gate.hold();
			return Collections.nCopies(100_000, "A line of a large answer that no one will read.");
		}

		@GetMapping("/test/large-page")
		ModelAndView largePage() {
			this.gate.hold();
			ModelAndView view = new ModelAndView("web/error", HttpStatus.OK);
			view.addObject("page", new ErrorPage(200, "Large", "A line no one will read. ".repeat(200_000)));
			return view;
		}

	}

}
