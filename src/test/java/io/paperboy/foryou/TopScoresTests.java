package io.paperboy.foryou;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopScoresTests {

	@Test
	void theHighestScoresComeFirst() {
		assertThat(TopScores.indices(new double[] { 0.1, 0.9, 0.5, 0.7, 0.3 }, 3)).containsExactly(1, 3, 2);
	}

	@Test
	void equalScoresKeepTheGivenOrder() {
		assertThat(TopScores.indices(new double[] { 1, 2, 1, 2, 1 }, 4)).containsExactly(1, 3, 0, 2);
	}

	@Test
	void aLimitAboveTheCountGivesEveryIndexAndZeroGivesNone() {
		assertThat(TopScores.indices(new double[] { 3, 1, 2 }, 10)).containsExactly(0, 2, 1);
		assertThat(TopScores.indices(new double[] { 3, 1, 2 }, 0)).isEmpty();
		assertThat(TopScores.indices(new double[0], 5)).isEmpty();
	}

}
