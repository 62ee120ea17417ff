package io.paperboy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it. To make it the application's clock,
 * {@code @Import(TestClock.AsApplicationClock.class)} and autowire it; set it in {@code @BeforeEach},
 * since test classes with the same configuration share one application context.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public TestClock(Instant now) {
		this(new AtomicReference<>(now), ZoneOffset.UTC);
	}

	private TestClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** Sets "now". */
	public void set(Instant instant) {
		this.now.set(instant);
	}

	/** Moves "now" on (or back, with a negative amount). */
	public void advance(Duration amount) {
		this.now.updateAndGet((instant) -> instant.plus(amount));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/** The same moving "now", seen in another zone. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(this.now, zone);
	}

	/** Replaces the application's clock with a {@link TestClock}, set to 2025-06-04 at noon UTC until a test moves it. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class AsApplicationClock {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(Instant.parse("2025-06-04T12:00:00Z"));
		}

	}

}
