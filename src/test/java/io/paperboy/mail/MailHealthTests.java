package io.paperboy.mail;

import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A relay that is down leaves the application UP for its load balancer, with mail shown DEGRADED.
 * The tests' relay ({@link TestSmtp}) closes every connection before its greeting, as a relay that
 * is down behind its address does.
 */
@WebTest
class MailHealthTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void aRelayThatIsDownMakesMailDegradedAndTheApplicationStaysUp() throws Exception {
		TestSmtp.relay().refuseConnections();

		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.mail.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.mail.details.relay").value("127.0.0.1:" + TestSmtp.relay().port()))
			.andExpect(jsonPath("$.components.mail.details.error",
					containsString("port: " + TestSmtp.relay().port())));
		assertThat(TestSmtp.relay().refused()).as("connections the relay turned away").isPositive();
	}

}
