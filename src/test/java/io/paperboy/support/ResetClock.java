package io.paperboy.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Sets the application's {@link MutableClock} back to {@link MutableClock.Configuration#START}
 * before each test, so that a test finds the same time whichever test ran before it in a shared
 * context. Runs before the test's own {@code @BeforeEach} methods.
 */
public class ResetClock implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context)
			.getBean(MutableClock.class)
			.set(MutableClock.Configuration.START);
	}

}
