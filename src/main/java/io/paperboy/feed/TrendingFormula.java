package io.paperboy.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * The trending score, as {@code docs/trending.md} publishes it. A vote cast at {@code t} by an
 * account created at {@code c} is worth
 * <pre>
 *   weight(t, c) = min(1, (t - c) / newAccountAge)
 * </pre>
 * and decays with a half-life {@code h}: at time {@code now} it contributes
 * {@code weight * 2^(-(now - t) / h)}. A paper's decayed score is the sum over its votes (the
 * imported count counting as that many full votes at the time the paper entered the daily list).
 * <p>
 * Stored scores are relative to a reference time, the epoch {@code e}: the stored score is
 * {@code S = sum of weight * 2^((t - e) / h)}, and the decayed score is {@code S * 2^(-(now - e) / h)}.
 * The factor is the same for every paper, so ordering by {@code S} is ordering by the decayed
 * score at any moment, and a vote only adds its term to {@code S}.
 * <p>
 * Times are computed with as seconds since 1970 in doubles (a microsecond's resolution today), the
 * same way for a single vote and for a rebuild of ten million.
 *
 * @param halfLife the half-life {@code h}
 * @param newAccountAge the account age from which a vote weighs 1
 */
record TrendingFormula(Duration halfLife, Duration newAccountAge) {

	/** The weight of a vote cast at {@code votedAt} by an account created at {@code memberSince}: 0 to 1. */
	double weight(Instant votedAt, Instant memberSince) {
		return weight(seconds(votedAt), seconds(memberSince));
	}

	/** A member's vote's term in a score stored against {@code epoch}. */
	double vote(Instant votedAt, Instant memberSince, Instant epoch) {
		return vote(seconds(votedAt), seconds(memberSince), seconds(epoch));
	}

	/** The term of an imported count: that many full votes at the time the paper entered the list. */
	double imported(int upvotes, Instant enteredAt, Instant epoch) {
		return imported(upvotes, seconds(enteredAt), seconds(epoch));
	}

	/** {@code 2^((t - epoch) / h)}: what a full vote cast at {@code t} adds to a score stored against {@code epoch}. */
	double growth(Instant t, Instant epoch) {
		return growth(seconds(t), seconds(epoch));
	}

	/** The decayed score at {@code now} of a score stored against {@code epoch}. */
	double decayed(double stored, Instant epoch, Instant now) {
		return stored * growth(epoch, now);
	}

	/** The factor that moves a score stored against {@code from} to one stored against {@code to}. */
	double rebaseFactor(Instant from, Instant to) {
		return growth(from, to);
	}

	/** How many half-lives lie between two times. */
	double halfLives(Instant from, Instant to) {
		return (seconds(to) - seconds(from)) / seconds(this.halfLife);
	}

	/** {@link #weight(Instant, Instant)} with times in seconds since 1970. */
	double weight(double votedAt, double memberSince) {
		return Math.min(1.0, Math.max(0.0, (votedAt - memberSince) / seconds(this.newAccountAge)));
	}

	/** {@link #vote(Instant, Instant, Instant)} with times in seconds since 1970. */
	double vote(double votedAt, double memberSince, double epoch) {
		return weight(votedAt, memberSince) * growth(votedAt, epoch);
	}

	/** {@link #imported(int, Instant, Instant)} with times in seconds since 1970. */
	double imported(int upvotes, double enteredAt, double epoch) {
		return upvotes * growth(enteredAt, epoch);
	}

	private double growth(double t, double epoch) {
		return Math.pow(2.0, (t - epoch) / seconds(this.halfLife));
	}

	/** A time as seconds since 1970, with its fraction. */
	static double seconds(Instant instant) {
		return instant.getEpochSecond() + instant.getNano() / 1e9;
	}

	private static double seconds(Duration duration) {
		return duration.getSeconds() + duration.getNano() / 1e9;
	}

}
