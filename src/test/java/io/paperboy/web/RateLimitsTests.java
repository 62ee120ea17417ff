package io.paperboy.web;

import java.time.Duration;
import java.time.Instant;

import io.paperboy.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimitsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T12:00:00Z"));

	private final RateLimits limits = new RateLimits(this.clock);

	@Test
	void theAttemptPastTheLimitIsRefusedAndSaysWhenToComeBack() {
		for (int i = 0; i < 3; i++) {
			this.limits.take("vote", "member 1", 3, Duration.ofMinutes(1), "Slow down");
			this.clock.advance(Duration.ofSeconds(10));
		}

		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.limits.take("vote", "member 1", 3, Duration.ofMinutes(1), "Slow down"))
			.withMessage("Slow down")
			.satisfies((refused) -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void theWindowSlidesSoTheOldestAttemptFreesAPlace() {
		for (int i = 0; i < 3; i++) {
			this.limits.take("vote", "member 1", 3, Duration.ofMinutes(1), "Slow down");
		}
		this.clock.advance(Duration.ofMinutes(1));

		assertThatNoException().isThrownBy(() -> this.limits.take("vote", "member 1", 3, Duration.ofMinutes(1), "x"));
	}

	@Test
	void limitsAreCountedPerPersonAndPerAction() {
		this.limits.take("vote", "member 1", 1, Duration.ofHours(1), "x");

		assertThatNoException().isThrownBy(() -> this.limits.take("vote", "member 2", 1, Duration.ofHours(1), "x"));
		assertThatNoException().isThrownBy(() -> this.limits.take("comment", "member 1", 1, Duration.ofHours(1), "x"));
	}

	@Test
	void aRefusedAttemptIsNotCounted() {
		this.limits.take("vote", "member 1", 1, Duration.ofMinutes(1), "x");
		this.clock.advance(Duration.ofSeconds(50));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.limits.take("vote", "member 1", 1, Duration.ofMinutes(1), "x"));
		this.clock.advance(Duration.ofSeconds(10));

		assertThatNoException().isThrownBy(() -> this.limits.take("vote", "member 1", 1, Duration.ofMinutes(1), "x"));
	}

}
