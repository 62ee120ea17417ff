package io.paperboy.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every operators' page is guarded the same way, whichever feature it belongs to. */
@SpringBootTest(properties = "paperboy.admin.token=s3cret-token")
@AutoConfigureMockMvc
class AdminPagesTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/mail" })
	void anOperatorsPageDoesNotExistForARemoteVisitor(String page) throws Exception {
		this.mvc.perform(get(page).with(from("203.0.113.7"))).andExpect(status().isNotFound());
		this.mvc.perform(get(page).with(from("203.0.113.7")).header("Authorization", "Bearer wrong"))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/mail" })
	void anOperatorsPageOpensOnTheMachineItselfOrWithTheToken(String page) throws Exception {
		this.mvc.perform(get(page).with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
		this.mvc.perform(get(page).with(from("203.0.113.7")).header("Authorization", "Bearer s3cret-token"))
			.andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/ingest", "/admin/search", "/admin/mail" })
	void aRequestRelayedByALocalProxyIsNotTrustedAsLocal(String page) throws Exception {
		this.mvc.perform(get(page).with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isNotFound());
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
