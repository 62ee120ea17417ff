package io.paperboy.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TrustedProxiesTests {

	@Test
	void addressesBecomeRangesOfOneAndRangesStayAsTheyAre() {
		assertThat(TrustedProxies.ranges(List.of("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8")))
			.isEqualTo("127.0.0.1/32,10.0.0.0/8,::1/128,fd00::/8");
	}

	@Test
	void noProxyMeansNoRange() {
		assertThat(TrustedProxies.ranges(List.of())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "proxy.example.org", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "300.1.1.1", "10.0.0" })
	void anEntryThatIsNotAnAddressOrRangeStopsTheStartWithItsName(String entry) {
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.ranges(List.of(entry)))
			.withMessageContaining("paperboy.proxies.trusted: '" + entry + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "native", "framework" })
	void springBootsOwnForwardedHeaderStrategiesAreRefused(String strategy) {
		MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", strategy);

		assertThatIllegalStateException()
			.isThrownBy(() -> new TrustedProxies().trustedProxiesValve(new ProxyProperties(List.of()), environment))
			.withMessageContaining("paperboy.proxies.trusted");
	}

}
