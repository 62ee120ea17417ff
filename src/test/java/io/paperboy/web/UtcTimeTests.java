package io.paperboy.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtcTimeTests {

	@Test
	void peopleReadTheMomentInUtcToTheSecond() {
		assertThat(UtcTime.text(Instant.parse("2025-06-02T09:05:07.123456Z"))).isEqualTo("Jun 2, 2025 09:05:07 UTC");
	}

	@Test
	void machinesReadItInIsoWithoutFractions() {
		assertThat(UtcTime.attribute(Instant.parse("2025-06-02T09:05:07.123456Z"))).isEqualTo("2025-06-02T09:05:07Z");
	}

	@Test
	void noMomentShowsNothing() {
		assertThat(UtcTime.text(null)).isEmpty();
		assertThat(UtcTime.attribute(null)).isNull();
	}

}
