package io.paperboy.mail;

import io.paperboy.support.TestSmtp;
import io.paperboy.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A relay that is down leaves the application UP for its load balancer, with mail shown DEGRADED.
 * The tests' relay ({@link TestSmtp}) refuses connections, as a relay that is down does.
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
			.andExpect(jsonPath("$.components.mail.details.error", containsString("connect")));
	}

}
