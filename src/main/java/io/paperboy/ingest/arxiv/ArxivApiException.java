package io.paperboy.ingest.arxiv;

import org.springframework.modulith.NamedInterface;

/**
 * arXiv's API refused a request (its error feed names the reason: {@code incorrect id format for
 * abc}), or answered with something that is not an Atom feed (an HTML error page, a truncated or
 * malformed document). The message says which.
 */
@NamedInterface("arxiv")
public class ArxivApiException extends RuntimeException {

	private final int status;

	ArxivApiException(String message, int status, Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/** The HTTP status of the answer (400 for a refused request, 200 for a malformed feed). */
	public int status() {
		return this.status;
	}

}
