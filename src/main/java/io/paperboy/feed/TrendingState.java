package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * What the stored scores were computed with: the epoch they are relative to and the formula's
 * parameters. Kept in the database (one row) so that every process computes a vote's term the same
 * way, and so that scores computed with other parameters than the configured ones are noticed.
 *
 * @param epoch the reference time of every stored score
 * @param halfLife the half-life the scores decay with
 * @param newAccountAge the account age from which a vote weighs 1
 */
record TrendingState(Instant epoch, Duration halfLife, Duration newAccountAge) {

	TrendingFormula formula() {
		return new TrendingFormula(this.halfLife, this.newAccountAge);
	}

	/** Whether scores stored with this state follow the configured formula. */
	boolean follows(TrendingProperties properties) {
		return this.halfLife.toSeconds() == properties.halfLife().toSeconds()
				&& this.newAccountAge.toSeconds() == properties.newAccountAge().toSeconds();
	}

	/** A state with the configured formula, stored against {@code epoch} (whole seconds, as stored). */
	static TrendingState of(TrendingProperties properties, Instant epoch) {
		return new TrendingState(epoch, Duration.ofSeconds(properties.halfLife().toSeconds()),
				Duration.ofSeconds(properties.newAccountAge().toSeconds()));
	}

}
