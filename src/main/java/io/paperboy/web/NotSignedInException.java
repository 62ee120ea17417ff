package io.paperboy.web;

/**
 * An API call that needs a signed-in member came without one. Raised by the security filter chain
 * ({@link SecurityConfiguration}), which names, for each address, what the caller is told; rendered
 * by {@link ErrorHandling} as a 401 problem document like every other failure of the API.
 */
final class NotSignedInException extends RuntimeException {

	private final String title;

	NotSignedInException(String title, String detail) {
		super(detail, null, false, false);
		this.title = title;
	}

	String title() {
		return this.title;
	}

}
