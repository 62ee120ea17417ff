package io.paperboy.ingest.snapshot;

/** A snapshot line that cannot be imported, with the JSON path of the fault when there is one. */
class MalformedLineException extends Exception {

	MalformedLineException(String jsonPath, String reason) {
		super((jsonPath != null) ? jsonPath + ": " + reason : reason);
	}

}
