package io.paperboy.account;

import java.net.http.HttpResponse;
import java.util.Map;

import io.paperboy.mail.DevMailbox;
import io.paperboy.support.EmptyCatalog;
import io.paperboy.support.MutableClock;
import io.paperboy.support.ServerTest;
import io.paperboy.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted account is signed out everywhere: its sessions in the database go with it, so a browser
 * it was signed in on is a visitor's at its next request. Against a running server, with real
 * sessions (Spring Session JDBC) and the cookie a browser keeps.
 */
@ServerTest
@ExtendWith(EmptyCatalog.class)
class AccountDeletionSessionsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DevMailbox mailbox;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MutableClock clock;

	@BeforeEach
	void now() {
		this.clock.set(MutableClock.Configuration.START);
	}

	@Test
	void deletingTheAccountInOneBrowserSignsItOutOfEveryOther() throws Exception {
		WebSession laptop = new WebSession(this.port);
		WebSession phone = new WebSession(this.port);
		WebSession someoneElse = new WebSession(this.port);
		laptop.signIn(this.mailbox, "leaving@example.org", "leaving");
		phone.signIn(this.mailbox, "leaving@example.org", "leaving");
		someoneElse.signIn(this.mailbox, "staying@example.org", "staying");
		assertThat(phone.get("/library").statusCode()).isEqualTo(200);
		assertThat(sessionsOf("leaving@example.org")).isEqualTo(2);

		HttpResponse<String> deleted = laptop.submit("/settings/account", "/settings/account/delete",
				Map.of("username", "leaving"));

		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(deleted)).hasValue("/account/deleted");
		assertThat(sessionsOf("leaving@example.org")).isZero();
		for (WebSession browser : new WebSession[] { laptop, phone }) {
			HttpResponse<String> library = browser.get("/library");
			assertThat(library.statusCode()).isEqualTo(302);
			assertThat(WebSession.location(library)).hasValueSatisfying((to) -> assertThat(to).startsWith("/signin"));
		}
		assertThat(someoneElse.get("/library").statusCode()).as("another member stays signed in").isEqualTo(200);
		assertThat(sessionsOf("staying@example.org")).isEqualTo(1);
	}

	private long sessionsOf(String email) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

}
