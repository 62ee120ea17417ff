package io.paperboy.support;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.paperboy.web.ErrorPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;

/**
 * Two test-only addresses whose answers are far larger than the socket buffers and are held until
 * the test lets them go, for tests of a client that hangs up mid-answer: {@code /api/test/large}
 * (JSON) and {@code /test/large-page} (a rendered page). The {@link Gate} says when a request has
 * arrived, lets it go on, and says when the server is done with it. Part of every {@link ServerTest}
 * context (so the test that needs them shares that context); nothing else calls them.
 */
public final class HeldAnswers {

	private HeldAnswers() {
	}

	/** Holds a request until the client has gone, and says when the server is done with it. */
	public static final class Gate {

		private volatile CountDownLatch entered;

		private volatile CountDownLatch release;

		private volatile CountDownLatch finished;

		Gate() {
			reset();
		}

		/** Ready for one more request. */
		public void reset() {
			this.entered = new CountDownLatch(1);
			this.release = new CountDownLatch(1);
			this.finished = new CountDownLatch(1);
		}

		/** Waits until a request has arrived at a held address. */
		public boolean awaitEntered(long timeout, TimeUnit unit) throws InterruptedException {
			return this.entered.await(timeout, unit);
		}

		/** Lets the held request write its answer. */
		public void release() {
			this.release.countDown();
		}

		/** Whether the server is done with the held request. */
		public boolean finished() {
			return this.finished.getCount() == 0;
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

	/**
	 * The gate, the two addresses and a filter that counts the gate's request as finished. Not
	 * annotated, so that only the tests that import it get it.
	 */
	public static class Configuration {

		@Bean
		Gate heldAnswersGate() {
			return new Gate();
		}

		@Bean
		LargeAnswerController heldLargeAnswers(Gate gate) {
			return new LargeAnswerController(gate);
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> heldAnswersFinishedFilter(Gate gate) {
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

		/**
		 * Answers far larger than the socket buffers, written once the client has gone. An inner
		 * (not static) class, so that no component scan takes it for a component of its own (the
		 * application's scan reaches the test classes): only the contexts that import
		 * {@link Configuration} have these addresses.
		 */
		@RestController
		class LargeAnswerController {

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

}
