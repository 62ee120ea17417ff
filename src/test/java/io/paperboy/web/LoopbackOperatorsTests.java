package io.paperboy.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopback convenience ({@code paperboy.admin.trust-loopback=true}, off by default): the machine
 * itself sees the operators' pages, but never a request that any proxy relayed. The check is
 * {@link OperatorAccess}, asked here directly with the setting switched on; {@link AdminPagesTests}
 * shows that it guards every operators' page, with the setting off.
 */
class LoopbackOperatorsTests {

	private final OperatorAccess access = new OperatorAccess(
			new AdminProperties("s3cret-token", true, null), new SiteProperties(null, "http://localhost:8080"));

	@Test
	void theSettingIsReadFromPaperboyAdminTrustLoopback() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("paperboy.admin.trust-loopback", "true")));

		assertThat(binder.bind("paperboy.admin", AdminProperties.class).get().trustLoopback()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "0:0:0:0:0:0:0:1" })
	void whenSwitchedOnTheMachineItselfSeesTheOperatorsPages(String loopback) {
		assertThat(allowed(from(loopback, "localhost"))).isTrue();
	}

	@Test
	void anotherMachineStillDoesNot() {
		assertThat(allowed(from("203.0.113.7", "localhost"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via" })
	void aRequestCarryingAnyProxyHeaderIsNeverLocal(String header) {
		MockHttpServletRequest request = from("127.0.0.1", "localhost");
		request.addHeader(header, "127.0.0.1");

		assertThat(allowed(request)).isFalse();
	}

	@Test
	void aRequestThatCameThroughATrustedProxyIsNeverLocal() {
		// Tomcat's RemoteIpValve marks a request it took from a trusted proxy, after removing the headers it read
		MockHttpServletRequest request = from("127.0.0.1", "localhost");
		request.setAttribute("org.apache.tomcat.request.forwarded", Boolean.TRUE);

		assertThat(allowed(request)).isFalse();
	}

	@Test
	void theMachineItselfUnderAnotherHostIsRefused() {
		assertThat(allowed(from("127.0.0.1", "rebinding.attacker.example"))).isFalse();
	}

	private boolean allowed(MockHttpServletRequest request) {
		return this.access.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
	}

	private static MockHttpServletRequest from(String address, String host) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/ingest");
		request.setRemoteAddr(address);
		request.setServerName(host);
		return request;
	}

}
