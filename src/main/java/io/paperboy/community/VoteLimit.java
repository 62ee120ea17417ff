package io.paperboy.community;

import java.time.Duration;

import io.paperboy.account.Member;
import io.paperboy.web.RateLimits;
import io.paperboy.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/** How many votes one member may send in a minute ({@link VoteProperties#votesPerMinute()}), by form or API alike. */
@Component
class VoteLimit {

	private final RateLimits limits;

	private final VoteProperties properties;

	VoteLimit(RateLimits limits, VoteProperties properties) {
		this.limits = limits;
		this.properties = properties;
	}

	/**
	 * Counts one vote by the member.
	 * @throws TooManyRequestsException when they already sent as many as a minute allows
	 */
	void take(Member member) {
		int limit = this.properties.votesPerMinute();
		this.limits.take("vote", "member " + member.id(), limit, Duration.ofMinutes(1),
				"You voted " + limit + " times in the last minute, which is as often as Paperboy allows. "
						+ "Wait a moment and try again.");
	}

}
