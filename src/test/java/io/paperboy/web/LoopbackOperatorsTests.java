package io.paperboy.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.paperboy.web.AdminPagesTests.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The loopback convenience ({@code paperboy.admin.trust-loopback=true}, off by default): the machine
 * itself sees the operators' pages, but never a request that any proxy relayed.
 */
@SpringBootTest(properties = { "paperboy.admin.trust-loopback=true", "paperboy.base-url=http://localhost:8080" })
@AutoConfigureMockMvc
class LoopbackOperatorsTests {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "0:0:0:0:0:0:0:1" })
	void whenSwitchedOnTheMachineItselfSeesTheOperatorsPages(String loopback) throws Exception {
		this.mvc.perform(get("/admin/ingest").with(from(loopback, "localhost"))).andExpect(status().isOk());
	}

	@Test
	void anotherMachineStillDoesNot() throws Exception {
		this.mvc.perform(get("/admin/ingest").with(from("203.0.113.7", "localhost"))).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via" })
	void aRequestCarryingAnyProxyHeaderIsNeverLocal(String header) throws Exception {
		this.mvc.perform(get("/admin/ingest").with(from("127.0.0.1", "localhost")).header(header, "127.0.0.1"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRequestThatCameThroughATrustedProxyIsNeverLocal() throws Exception {
		// Tomcat's RemoteIpValve marks a request it took from a trusted proxy, after removing the headers it read
		this.mvc.perform(get("/admin/ingest").with(from("127.0.0.1", "localhost"))
			.requestAttr("org.apache.tomcat.request.forwarded", Boolean.TRUE)).andExpect(status().isNotFound());
	}

	@Test
	void theMachineItselfUnderAnotherHostIsRefused() throws Exception {
		this.mvc.perform(get("/admin/ingest").with(from("127.0.0.1", "rebinding.attacker.example")))
			.andExpect(status().isNotFound());
	}

}
