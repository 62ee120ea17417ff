package io.paperboy.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * How often one account or one client may do one thing: at most {@code limit} times in any window
 * of {@code per} (a sliding window, so a burst at the end of one hour and the start of the next is
 * still one hour's worth). The counts live in this node's memory: with several nodes behind a load
 * balancer each node allows the limit, which bounds abuse by the number of nodes.
 */
@Component
public class RateLimits {

	private final Cache<String, Deque<Instant>> recent = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofDays(1))
		.maximumSize(1_000_000)
		.build();

	private final Clock clock;

	RateLimits(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one more {@code action} by {@code who}, or refuses it.
	 * @param action what is being done ("sign-in link", "vote")
	 * @param who the account, address or client it is counted against
	 * @param limit how many are allowed in any window
	 * @param per the window
	 * @param refusal what the person is told when it is refused
	 * @throws TooManyRequestsException when {@code who} has already done it {@code limit} times in
	 * the window; the refused attempt is not counted
	 */
	public void take(String action, String who, int limit, Duration per, String refusal) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.get(action + '\u0000' + who, (key) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(per))) {
				times.pollFirst();
			}
			if (times.size() >= limit) {
				throw new TooManyRequestsException(refusal, Duration.between(now, times.peekFirst().plus(per)));
			}
			times.addLast(now);
		}
	}

}
