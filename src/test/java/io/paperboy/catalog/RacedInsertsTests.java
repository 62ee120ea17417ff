package io.paperboy.catalog;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RacedInsertsTests {

	@Test
	void aWriteThatLostARaceIsDoneAgainAfterForgettingWhatItLearnt() {
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger forgotten = new AtomicInteger();

		String result = RacedInserts.retry(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new DuplicateKeyException("papers_pkey");
			}
			return "saved";
		}, forgotten::incrementAndGet);

		assertThat(result).isEqualTo("saved");
		assertThat(attempts).hasValue(2);
		assertThat(forgotten).hasValue(1);
	}

	@Test
	void aWriteThatKeepsLosingFailsAfterThreeAttempts() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> RacedInserts.retry(() -> {
			attempts.incrementAndGet();
			throw new DuplicateKeyException("papers_pkey");
		}));
		assertThat(attempts).hasValue(3);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> RacedInserts.retry(() -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("not null");
		}));
		assertThat(attempts).hasValue(1);
	}

}
