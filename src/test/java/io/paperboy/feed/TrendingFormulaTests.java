package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrendingFormulaTests {

	private static final TrendingFormula FORMULA = new TrendingFormula(Duration.ofHours(36), Duration.ofDays(7));

	private static final Instant EPOCH = Instant.parse("2025-06-01T00:00:00Z");

	private static final Percentage CLOSE = Percentage.withPercentage(1e-9);

	@Test
	void aFullVoteAtTheEpochAddsOne() {
		assertThat(FORMULA.vote(EPOCH, EPOCH.minus(Duration.ofDays(30)), EPOCH)).isEqualTo(1.0);
	}

	@Test
	void aVoteOneHalfLifeAfterTheEpochAddsTwo() {
		assertThat(FORMULA.vote(EPOCH.plus(Duration.ofHours(36)), EPOCH.minus(Duration.ofDays(30)), EPOCH))
			.isCloseTo(2.0, CLOSE);
	}

	@Test
	void aDecayedScoreHalvesEveryHalfLife() {
		double stored = FORMULA.imported(10, EPOCH.plus(Duration.ofHours(12)), EPOCH);

		assertThat(FORMULA.decayed(stored, EPOCH, EPOCH.plus(Duration.ofHours(12)))).isCloseTo(10, CLOSE);
		assertThat(FORMULA.decayed(stored, EPOCH, EPOCH.plus(Duration.ofHours(48)))).isCloseTo(5, CLOSE);
		assertThat(FORMULA.decayed(stored, EPOCH, EPOCH.plus(Duration.ofHours(84)))).isCloseTo(2.5, CLOSE);
	}

	@Test
	void aVoteWeighsTheAccountsAgeOverTheNewAccountAgeUpToOne() {
		Instant voted = EPOCH;
		assertThat(FORMULA.weight(voted, voted)).isZero();
		assertThat(FORMULA.weight(voted, voted.minus(Duration.ofHours(1)))).isCloseTo(1.0 / 168, CLOSE);
		assertThat(FORMULA.weight(voted, voted.minus(Duration.ofDays(3).plusHours(12)))).isCloseTo(0.5, CLOSE);
		assertThat(FORMULA.weight(voted, voted.minus(Duration.ofDays(7)))).isEqualTo(1.0);
		assertThat(FORMULA.weight(voted, voted.minus(Duration.ofDays(700)))).isEqualTo(1.0);
		// an account "created" after the vote (clocks of two nodes disagreeing) weighs nothing, never less
		assertThat(FORMULA.weight(voted, voted.plusSeconds(5))).isZero();
	}

	@Test
	void rebasingMultipliesByTheDecayBetweenTheEpochs() {
		Instant later = EPOCH.plus(Duration.ofHours(72));
		double stored = FORMULA.imported(8, EPOCH.plus(Duration.ofHours(5)), EPOCH);

		double moved = stored * FORMULA.rebaseFactor(EPOCH, later);

		assertThat(FORMULA.rebaseFactor(EPOCH, later)).isCloseTo(0.25, CLOSE);
		assertThat(moved).isCloseTo(FORMULA.imported(8, EPOCH.plus(Duration.ofHours(5)), later), CLOSE);
		Instant now = later.plus(Duration.ofHours(1));
		assertThat(FORMULA.decayed(moved, later, now)).isCloseTo(FORMULA.decayed(stored, EPOCH, now), CLOSE);
	}

	@Test
	void aYearOfHalfLivesStaysFarFromTheLimitsOfADouble() {
		Instant yearLater = EPOCH.plus(Duration.ofDays(365));
		assertThat(FORMULA.halfLives(EPOCH, yearLater)).isCloseTo(243.33, Percentage.withPercentage(0.01));
		assertThat(FORMULA.growth(yearLater, EPOCH)).isFinite().isGreaterThan(1e73);
		assertThat(FORMULA.growth(EPOCH, yearLater)).isPositive().isLessThan(1e-73);
	}

}
