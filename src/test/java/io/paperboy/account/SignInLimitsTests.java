package io.paperboy.account;

import io.paperboy.mail.DevMailbox;
import io.paperboy.support.ServerTest;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client cannot mail-bomb many addresses either: past {@code paperboy.accounts.sign-in-links-per-client}
 * links in an hour (the default here, counted afresh for each test), it is refused.
 */
@ServerTest
class SignInLimitsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DevMailbox mailbox;

	@Autowired
	private AccountProperties properties;

	@Test
	void aClientAskingForLinksToManyAddressesIsStoppedAtItsLimit() throws Exception {
		WebSession client = new WebSession(this.port);
		int limit = this.properties.signInLinksPerClient();
		for (int i = 1; i <= limit; i++) {
			assertThat(client.askForLink("reader" + i + "@example.org", "/papers").statusCode()).as("link %d", i)
				.isEqualTo(302);
		}

		var oneMore = client.askForLink("one-more@example.org", "/papers");

		assertThat(oneMore.statusCode()).isEqualTo(429);
		assertThat(oneMore.body()).contains("Too many sign-in links were asked for from your network");
		assertThat(this.mailbox.to("one-more@example.org")).isEmpty();
	}

}
