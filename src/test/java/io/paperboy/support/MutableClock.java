package io.paperboy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, for tests of what depends on time (trending
 * decay, account ages). Import {@link Configuration} to make it the application's clock:
 * {@code @Import(MutableClock.Configuration.class)}, then autowire {@code MutableClock}.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	/** Sets the time. */
	public void set(Instant now) {
		this.now = now;
	}

	/** Moves the time forward (or back, for a negative duration). */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A MutableClock is always UTC");
	}

	/**
	 * Makes a {@link MutableClock} the application's clock, starting at 2025-06-02T12:00:00Z. Not
	 * annotated, so that only the tests that import it get it (a component scan over the test
	 * classes, as a benchmark run from them does, passes it by).
	 */
	public static class Configuration {

		public static final Instant START = Instant.parse("2025-06-02T12:00:00Z");

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START);
		}

	}

}
