package io.paperboy.web;

import java.util.List;

import io.paperboy.support.WebTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every answer carries, and what stays closed to visitors. */
@WebTest
class SecurityHeadersTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/signin", "/papers/trending", "/api/daily_papers" })
	void everyAnswerCarriesAStrictPolicyAndTheProtectiveHeaders(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self';"), containsString("object-src 'none'"),
							containsString("frame-ancestors 'none'"), containsString("base-uri 'self'"))))
			.andExpect(header().string("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe-inline'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	/**
	 * Anonymous reads of kept answers skip Spring Security ({@link SharedAnswersFilter}); a session
	 * cookie that names no session takes the same request through it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/trending", "/api/daily_papers", "/papers/feed.xml" })
	void answersSentAheadOfSpringSecurityCarryTheSameHeadersAsThroughItOverHttpsToo(String path) throws Exception {
		for (boolean secure : List.of(false, true)) {
			MockHttpServletResponse ahead = this.mvc.perform(get(path).secure(secure)).andReturn().getResponse();
			MockHttpServletResponse through = this.mvc
				.perform(get(path).secure(secure).cookie(new Cookie(SecurityConfiguration.SESSION_COOKIE, "bm8tc3VjaC1zZXNzaW9u")))
				.andReturn()
				.getResponse();

			assertThat(ahead.getStatus()).isEqualTo(200);
			for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-XSS-Protection",
					"X-Frame-Options", "Referrer-Policy", "Strict-Transport-Security", "Cache-Control", "Pragma",
					"Expires")) {
				assertThat(ahead.getHeaderValues(name)).as(name).isEqualTo(through.getHeaderValues(name));
			}
			assertThat(ahead.getHeader("Strict-Transport-Security")).as("HSTS over HTTPS only")
				.isEqualTo(secure ? SharedAnswersFilter.STRICT_TRANSPORT_SECURITY : null);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/papers", "/papers/trending", "/api/daily_papers", "/papers/feed.xml" })
	void readingAsAVisitorMakesNoSession(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void healthIsOpenToEveryoneAndTheOtherActuatorEndpointsAreNot() throws Exception {
		this.mvc.perform(get("/actuator/health").with(from("203.0.113.7"))).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/info").with(from("203.0.113.7"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/prometheus").with(from("203.0.113.7")).header("Authorization", "Bearer test-operator-token"))
			.andExpect(status().isOk());
	}

	@Test
	void aStateChangeWithoutTheFormsTokenIsRefused() throws Exception {
		this.mvc.perform(post("/signout")).andExpect(status().isForbidden());
		this.mvc.perform(post("/signin/link").param("username", "a@example.org")).andExpect(status().isForbidden());
		this.mvc.perform(post("/signin/link").param("username", "a@example.org").with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMembersOnlyPageSendsAVisitorToSignInAndBack() throws Exception {
		this.mvc.perform(get("/welcome").queryParam("continue", "/papers"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/signin?continue=%2Fwelcome%3Fcontinue%3D%2Fpapers"));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
