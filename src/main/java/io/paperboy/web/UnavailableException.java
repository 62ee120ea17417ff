package io.paperboy.web;

import java.time.Duration;

/**
 * A service Paperboy needed for this request could not be asked just now, and nothing was saved:
 * 503 with {@code Retry-After}, rendered once by {@link ErrorHandling}.
 */
public class UnavailableException extends RuntimeException {

	private final String title;

	private final Duration retryAfter;

	/**
	 * @param title the title of the page or problem document ("arXiv unavailable")
	 * @param message what happened and what to do, shown to the person who asked
	 * @param retryAfter when trying again makes sense
	 * @param cause the failure behind it
	 */
	protected UnavailableException(String title, String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.title = title;
		this.retryAfter = retryAfter;
	}

	/** The title of the page or problem document. */
	public String title() {
		return this.title;
	}

	/** When trying again makes sense. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
