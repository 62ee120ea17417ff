package io.paperboy.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A relay that is down leaves the application UP for its load balancer, with mail shown DEGRADED. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=9",
		"spring.mail.properties.mail.smtp.connectiontimeout=2000", "management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
class MailHealthTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void aRelayThatIsDownMakesMailDegradedAndTheApplicationStaysUp() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.mail.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.mail.details.relay").value("127.0.0.1:9"))
			.andExpect(jsonPath("$.components.mail.details.error", containsString("connect")));
	}

}
