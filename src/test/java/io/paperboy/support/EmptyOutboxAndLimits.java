package io.paperboy.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the development outbox ({@code dev_mail}) and forgets every rate-limit count before each
 * test, so that in a shared context the sign-in links, votes and submissions of earlier tests
 * neither stand in for this test's mail nor use up its limits (every test reaches the server from
 * the same loopback address, and the clock goes back to the same instant before each). Runs before
 * the test's own {@code @BeforeEach} methods.
 */
public class EmptyOutboxAndLimits implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
		jdbc.sql("delete from dev_mail").update();
		jdbc.sql("delete from rate_limit_events").update();
		jdbc.sql("delete from rate_limit_keys").update();
	}

}
