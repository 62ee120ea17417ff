package io.paperboy.account;

import io.paperboy.mail.DevMailbox;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** One client cannot mail-bomb many addresses either. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "paperboy.accounts.sign-in-links-per-client=2")
class SignInLimitsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DevMailbox mailbox;

	@Test
	void aClientAskingForLinksToManyAddressesIsStoppedAtItsLimit() throws Exception {
		WebSession client = new WebSession(this.port);
		assertThat(client.askForLink("one@example.org", "/papers").statusCode()).isEqualTo(302);
		assertThat(client.askForLink("two@example.org", "/papers").statusCode()).isEqualTo(302);

		var third = client.askForLink("three@example.org", "/papers");

		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.body()).contains("Too many sign-in links were asked for from your network");
		assertThat(this.mailbox.to("three@example.org")).isEmpty();
	}

}
