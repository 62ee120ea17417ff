package io.paperboy.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.paperboy.support.MutableClock;
import io.paperboy.support.StorageTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What rate limits must do on every database Paperboy supports, including when several nodes (here,
 * several {@link RateLimits} over one database) decide at once. Each subclass runs the same tests
 * on one database.
 */
@StorageTest
abstract class RateLimitsContract {

	@Autowired
	RateLimits limits;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void forgetEveryAttempt() {
		this.clock.set(MutableClock.Configuration.START);
		this.jdbc.sql("delete from rate_limit_events").update();
		this.jdbc.sql("delete from rate_limit_keys").update();
	}

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

	@Test
	void anAttemptOneLimitRefusesIsCountedByNoneOfTheOthers() {
		RateLimits.Limit perClient = new RateLimits.Limit("sign-in link", "client 203.0.113.7", 2, Duration.ofHours(1),
				"client");
		RateLimits.Limit perAddress = new RateLimits.Limit("sign-in link", "address ada@example.org", 1,
				Duration.ofHours(1), "address");
		this.limits.take(List.of(perClient, perAddress));

		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.limits.take(List.of(perClient, perAddress)))
			.withMessage("address");
		RateLimits.Limit otherAddress = new RateLimits.Limit("sign-in link", "address bob@example.org", 1,
				Duration.ofHours(1), "address");

		// the client's second place was not used up by the refused attempt
		assertThatNoException().isThrownBy(() -> this.limits.take(List.of(perClient, otherAddress)));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.limits.take(List.of(perClient,
					new RateLimits.Limit("sign-in link", "address eve@example.org", 1, Duration.ofHours(1), "address"))))
			.withMessage("client");
	}

	@Test
	void nodesOnOneDatabaseShareTheLimit() {
		RateLimits otherNode = new RateLimits(this.jdbc, this.transactionManager, this.clock);
		this.limits.take("comment", "member 7", 2, Duration.ofHours(1), "x");
		otherNode.take("comment", "member 7", 2, Duration.ofHours(1), "x");

		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.limits.take("comment", "member 7", 2, Duration.ofHours(1), "x"));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> otherNode.take("comment", "member 7", 2, Duration.ofHours(1), "x"));
	}

	@Test
	void attemptsAtOnceFromTwoNodesNeverPassTheLimitTogether() throws Exception {
		RateLimits otherNode = new RateLimits(this.jdbc, this.transactionManager, this.clock);
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			RateLimits node = (i % 2 == 0) ? this.limits : otherNode;
			attempts.add(() -> {
				try {
					node.take("sign-in link", "client 198.51.100.1", 20, Duration.ofHours(1), "x");
					return true;
				}
				catch (TooManyRequestsException ex) {
					return false;
				}
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(6);
		int passed = 0;
		try {
			for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
				passed += attempt.get() ? 1 : 0;
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(passed).isEqualTo(20);
	}

	@Test
	void theTableKeepsNoAddressInClear() {
		this.limits.take("sign-in link", "address ada@example.org", 5, Duration.ofHours(1), "x");

		assertThat(this.jdbc.sql("select key_hash from rate_limit_events").query(String.class).list())
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.hasSize(64)
			.doesNotContain("ada");
	}

	@Test
	void attemptsNoWindowCountsAreForgotten() {
		this.limits.take("vote", "member 1", 5, Duration.ofMinutes(1), "x");
		this.clock.advance(Duration.ofDays(3));

		this.limits.take("vote", "member 2", 5, Duration.ofMinutes(1), "x");

		assertThat(this.jdbc.sql("select count(*) from rate_limit_events").query(Integer.class).single()).isOne();
		assertThat(this.jdbc.sql("select count(*) from rate_limit_keys").query(Integer.class).single()).isOne();
	}

}
