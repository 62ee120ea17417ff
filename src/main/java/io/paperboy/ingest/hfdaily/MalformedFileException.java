package io.paperboy.ingest.hfdaily;

/**
 * A daily-papers file that cannot be imported, with the JSON path of the fault when there is one.
 */
class MalformedFileException extends Exception {

	private final String jsonPath;

	MalformedFileException(String jsonPath, String reason) {
		super(reason);
		this.jsonPath = jsonPath;
	}

	/** Where in the document the fault is ({@code $[3].paper.upvotes}), or {@code null} for the whole file. */
	String jsonPath() {
		return this.jsonPath;
	}

	/** The reason, prefixed with its JSON path. */
	String describe() {
		return (this.jsonPath != null) ? this.jsonPath + ": " + getMessage() : getMessage();
	}

}
