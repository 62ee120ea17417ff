package io.paperboy.web;

import java.time.Duration;

/** Someone did something too often (sign-in links, votes, comments, submissions): 429. */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** How long until the next attempt would be allowed. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
