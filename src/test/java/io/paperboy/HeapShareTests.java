package io.paperboy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapShareTests {

	private static final long MB = 1024 * 1024;

	@Test
	void aHeapOfOneGigabyteOrMoreKeepsTheWholeBound() {
		assertThat(HeapShare.of(32 * MB, 1024 * MB)).isEqualTo(32 * MB);
		assertThat(HeapShare.of(32 * MB, 6 * 1024 * MB)).isEqualTo(32 * MB);
	}

	@Test
	void aHeapWithoutALimitKeepsTheWholeBound() {
		assertThat(HeapShare.of(32 * MB, Long.MAX_VALUE)).isEqualTo(32 * MB);
	}

	@Test
	void aTwoHundredFiftySixMegabyteHeapKeepsAQuarterOfTheBound() {
		assertThat(HeapShare.of(32 * MB, 256 * MB)).isEqualTo(8 * MB);
		assertThat(HeapShare.of(16 * MB, 256 * MB)).isEqualTo(4 * MB);
	}

	@Test
	void aHeapBetweenIsInProportion() {
		assertThat(HeapShare.of(16 * MB, 512 * MB)).isEqualTo(8 * MB);
		assertThat(HeapShare.of(16 * MB, 768 * MB)).isEqualTo(12 * MB);
	}

	@Test
	void aTinyShareIsStillOne() {
		assertThat(HeapShare.of(1, 256 * MB)).isEqualTo(1);
		assertThat(HeapShare.of(1000, 0)).isEqualTo(1);
	}

}
