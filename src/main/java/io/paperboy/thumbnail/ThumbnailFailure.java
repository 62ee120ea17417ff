package io.paperboy.thumbnail;

/**
 * Why a paper got no thumbnail this time, in words an operator can act on.
 * {@code mayPass}: a failure a later run may not meet (5xx, 429, timeouts, dropped connections);
 * otherwise the paper is given up (not found, not a PDF, too large, unreadable).
 */
class ThumbnailFailure extends Exception {

	private final boolean mayPass;

	ThumbnailFailure(String reason, boolean mayPass) {
		this(reason, mayPass, null);
	}

	ThumbnailFailure(String reason, boolean mayPass, Throwable cause) {
		super(reason, cause);
		this.mayPass = mayPass;
	}

	static ThumbnailFailure lasting(String reason) {
		return new ThumbnailFailure(reason, false);
	}

	static ThumbnailFailure passing(String reason) {
		return new ThumbnailFailure(reason, true);
	}

	boolean mayPass() {
		return this.mayPass;
	}

}
