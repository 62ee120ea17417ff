package io.paperboy.web;

/**
 * Input that cannot be understood: a malformed date, id or parameter. Rendered once, by
 * {@link ErrorHandling}, as a 400 page or a 400 problem document for the API.
 */
public class BadRequestException extends RuntimeException {

	private final String title;

	public BadRequestException(String message) {
		this("Bad request", message);
	}

	/**
	 * @param title the problem's title, for a refusal with a name of its own ("Submission refused")
	 * @param message what to change, shown to the person who asked
	 */
	protected BadRequestException(String title, String message) {
		super(message);
		this.title = title;
	}

	/** The title of the page or problem document. */
	public String title() {
		return this.title;
	}

}
