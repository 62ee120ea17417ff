package io.paperboy.web;

/**
 * A signed-in member asked for something they may not do (edit someone else's comment, curate
 * without being a curator). Rendered once, by {@link ErrorHandling}, as a 403 page or a 403 problem
 * document for the API, with this title and message.
 */
public class ForbiddenException extends RuntimeException {

	private final String title;

	/**
	 * @param title the title of the page or problem document ("Not allowed")
	 * @param message why, shown to the member
	 */
	protected ForbiddenException(String title, String message) {
		super(message);
		this.title = title;
	}

	/** The title of the page or problem document. */
	public String title() {
		return this.title;
	}

}
