package io.paperboy.library;

import java.time.Duration;

import io.paperboy.account.Member;
import io.paperboy.web.RateLimits;
import io.paperboy.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * How many changes to their library one member may send in a minute
 * ({@link LibraryProperties#changesPerMinute()}): saves, not interested, follows, collections and their
 * papers and notes, by button or API alike, counted together.
 */
@Component
class LibraryLimit {

	private final RateLimits limits;

	private final LibraryProperties properties;

	LibraryLimit(RateLimits limits, LibraryProperties properties) {
		this.limits = limits;
		this.properties = properties;
	}

	/**
	 * Counts one change by the member.
	 * @throws TooManyRequestsException when they already sent as many as a minute allows
	 */
	void take(Member member) {
		int limit = this.properties.changesPerMinute();
		this.limits.take("library", "member " + member.id(), limit, Duration.ofMinutes(1),
				"You changed your library " + limit + " times in the last minute, which is as often as Paperboy "
						+ "allows. Wait a moment and try again; nothing of this last change was kept.");
	}

}
