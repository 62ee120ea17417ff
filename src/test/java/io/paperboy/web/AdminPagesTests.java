package io.paperboy.web;

import java.util.List;

import io.paperboy.support.Operators;
import io.paperboy.support.WebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every operators' page is guarded the same way, whichever feature it belongs to, and is closed by
 * default to everyone who has not proved to be an operator: the machine itself included.
 */
@WebTest
class AdminPagesTests {

	private static final String[] PAGES = { "/admin", "/admin/ingest", "/admin/search", "/admin/thumbnails", "/admin/mail", "/admin/users",
			"/admin/digests", "/actuator/prometheus" };

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/thumbnails", "/admin/mail", "/admin/users",
			"/admin/digests", "/actuator/prometheus" })
	void anOperatorsPageDoesNotExistForARemoteVisitor(String page) throws Exception {
		this.mvc.perform(get(page).with(from("203.0.113.7", "papers.example.org"))).andExpect(status().isNotFound());
		this.mvc.perform(get(page).with(from("203.0.113.7", "papers.example.org")).header("Authorization", "Bearer wrong"))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/thumbnails", "/admin/mail", "/admin/users",
			"/admin/digests", "/actuator/prometheus" })
	void anOperatorsPageIsClosedToTheMachineItselfByDefault(String page) throws Exception {
		this.mvc.perform(get(page).with(from("127.0.0.1", "papers.example.org"))).andExpect(status().isNotFound());
		this.mvc.perform(get(page).with(from("::1", "papers.example.org"))).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/thumbnails", "/admin/mail", "/admin/users",
			"/admin/digests" })
	void anOperatorsPageOpensWithTheTokenFromAnywhere(String page) throws Exception {
		this.mvc.perform(get(page).with(from("203.0.113.7", "papers.example.org")).header("Authorization", Operators.AUTHORIZATION))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebinding.attacker.example", "papers.example.org.attacker.example", "papers.internal" })
	void anOperatorsPageIsRefusedUnderAHostThatIsNotTheSites(String host) throws Exception {
		for (String page : PAGES) {
			this.mvc.perform(get(page).with(from("203.0.113.7", host)).header("Authorization", Operators.AUTHORIZATION))
				.andExpect(status().isNotFound());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "127.0.0.1" })
	void theMachinesOwnNamesAreNotTheSitesUnlessListed(String host) {
		// the tests' configuration lists them (paperboy.admin.hosts), so that MockMvc's requests reach the pages
		OperatorAccess unlisted = new OperatorAccess(new AdminProperties("s3cret-token", false, List.of("papers.internal")),
				new SiteProperties(null, "https://papers.example.org"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin");
		request.setRemoteAddr("203.0.113.7");
		request.setServerName(host);
		request.addHeader("Authorization", "Bearer s3cret-token");

		assertThat(unlisted.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted()).isFalse();
		request.setServerName("papers.internal");
		assertThat(unlisted.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "papers.example.org", "PAPERS.example.org", "localhost" })
	void anOperatorsPageAnswersUnderTheSitesHostAndItsListedAliases(String host) throws Exception {
		this.mvc.perform(get("/admin").with(from("203.0.113.7", host)).header("Authorization", Operators.AUTHORIZATION))
			.andExpect(status().isOk());
	}

	static RequestPostProcessor from(String address, String host) {
		return (request) -> {
			request.setRemoteAddr(address);
			request.setServerName(host);
			return request;
		};
	}

}
