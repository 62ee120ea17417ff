package io.paperboy.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperboy.support.Nginx;
import io.paperboy.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paperboy behind a real nginx on the same machine, set up as the operations guide says: the
 * operators' pages stay closed through the proxy (even with the loopback convenience switched on),
 * what a client writes in forwarded headers is not believed, rate limits count each real client,
 * and the session cookie is {@code Secure} because nginx says the visitor came over HTTPS. Clients
 * are told apart by their loopback addresses (127.0.0.2, 127.0.0.3...).
 */
@Tag("process")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "paperboy.proxies.trusted=127.0.0.1", "paperboy.admin.trust-loopback=true",
				"paperboy.admin.hosts=", "paperboy.accounts.sign-in-links-per-client=3",
				"paperboy.accounts.sign-in-links-per-address=100" })
class BehindNginxTests {

	private static final int HTTPS_PORT = freePort();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static Nginx nginx;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void publicAddress(DynamicPropertyRegistry registry) {
		registry.add("paperboy.base-url", () -> "https://localhost:" + HTTPS_PORT);
	}

	@BeforeEach
	void startNginx() throws Exception {
		if (nginx == null) {
			nginx = Nginx.inFrontOf(this.port, HTTPS_PORT);
		}
	}

	@AfterAll
	static void stopNginx() throws Exception {
		if (nginx != null) {
			nginx.close();
			nginx = null;
		}
	}

	@Test
	void theOperatorsPagesAreClosedThroughTheProxyWhateverTheClientClaims() throws IOException {
		RawHttp visitor = new RawHttp("127.0.0.2", HTTPS_PORT, true);
		for (String page : new String[] { "/admin", "/admin/mail", "/admin/users", "/actuator/prometheus" }) {
			assertThat(visitor.get(page).status()).as(page).isEqualTo(404);
			assertThat(visitor.get(page, "X-Forwarded-For: 127.0.0.1").status()).as(page).isEqualTo(404);
			assertThat(visitor.get(page, "X-Real-IP: 127.0.0.1", "Forwarded: for=127.0.0.1").status()).as(page)
				.isEqualTo(404);
		}
		// nginx's bare proxy_pass adds no header at all: the request still came from a listed proxy
		RawHttp throughBareProxy = new RawHttp("127.0.0.2", nginx.plainPort(), false);
		assertThat(throughBareProxy.get("/admin").status()).isEqualTo(404);
		assertThat(throughBareProxy.get("/papers").status()).isEqualTo(200);
	}

	@Test
	void theSignInLimitCountsEachRealClientAndIgnoresForwardedForFromTheClient() throws IOException {
		RawHttp attacker = new RawHttp("127.0.0.3", HTTPS_PORT, true);
		for (int i = 1; i <= 3; i++) {
			RawHttp.Response asked = askForLink(attacker, "victim" + i + "@example.org", "X-Forwarded-For: 198.51.100." + i);
			assertThat(asked.status()).as("link %d", i).isEqualTo(302);
			assertThat(asked.header("Location")).startsWith("https://localhost:" + HTTPS_PORT + "/signin/sent");
		}

		RawHttp.Response refused = askForLink(attacker, "victim4@example.org", "X-Forwarded-For: 198.51.100.4");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		RawHttp.Response someoneElse = askForLink(new RawHttp("127.0.0.4", HTTPS_PORT, true), "reader@example.org");
		assertThat(someoneElse.status()).as("another client is not blocked by the first").isEqualTo(302);
	}

	@Test
	void forwardedHeadersSentStraightToPaperboyAreIgnored() throws IOException {
		RawHttp direct = new RawHttp("127.0.0.5", this.port, false);
		for (int i = 1; i <= 3; i++) {
			assertThat(askForLink(direct, "direct" + i + "@example.org", "X-Forwarded-For: 203.0.113." + i).status())
				.isEqualTo(302);
		}
		assertThat(askForLink(direct, "direct4@example.org", "X-Forwarded-For: 203.0.113.4").status()).isEqualTo(429);
	}

	@Test
	void theSessionCookieIsSecureWhenTheProxySaysHttps() throws IOException {
		RawHttp visitor = new RawHttp("127.0.0.6", HTTPS_PORT, true);

		RawHttp.Response signIn = visitor.get("/signin");

		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.headers("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("PAPERBOY_SESSION="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("; Secure").contains("; HttpOnly"));
		// and a client cannot claim HTTPS on a plain connection
		RawHttp plain = new RawHttp("127.0.0.6", this.port, false);
		assertThat(plain.get("/signin", "X-Forwarded-Proto: https").headers("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith("PAPERBOY_SESSION="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).doesNotContain("Secure"));
	}

	private static RawHttp.Response askForLink(RawHttp client, String address, String... headers) throws IOException {
		RawHttp.Response form = client.get("/signin", headers);
		Matcher token = CSRF.matcher(form.body());
		assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
		String cookie = form.headers("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("PAPERBOY_SESSION="))
			.map((value) -> value.substring(0, value.indexOf(';')))
			.findFirst()
			.orElseThrow();
		String[] withCookie = java.util.stream.Stream.concat(java.util.Arrays.stream(headers), java.util.stream.Stream.of("Cookie: " + cookie))
			.toArray(String[]::new);
		return client.postForm("/signin/link", "_csrf=" + encode(token.group(1)) + "&username=" + encode(address)
				+ "&continue=%2Fpapers", withCookie);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() {
		try {
			return Nginx.freePort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
