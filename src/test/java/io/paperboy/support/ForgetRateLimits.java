package io.paperboy.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Forgets every request the rate limits counted (votes, comments, submissions, sign-in links,
 * subscriptions) before each test: in a shared context the clock goes back to the same start for
 * every test, so requests an earlier test made from the same address would otherwise still count.
 */
public class ForgetRateLimits implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(JdbcClient.class)
			.sql("delete from rate_limit_events")
			.update();
	}

}
