package io.paperboy.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectTests {

	@ParameterizedTest
	@ValueSource(strings = { "/papers/2401.00001", "/papers/trending?page=2", "/u/ada#comments" })
	void aPathOnThisSiteIsKept(String path) {
		assertThat(SafeRedirect.path(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "https://evil.example/", "//evil.example", "/\\evil.example", "papers",
			"javascript:alert(1)", "/papers\r\nSet-Cookie: x=1", "/signin/token?token=x", "/signout" })
	void anythingElseLeadsHome(String path) {
		assertThat(SafeRedirect.path(path)).isEqualTo("/papers");
	}

}
