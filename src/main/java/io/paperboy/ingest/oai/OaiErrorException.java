package io.paperboy.ingest.oai;

/**
 * The repository answered with an OAI-PMH {@code <error>} (a protocol answer, not an HTTP failure):
 * {@code badArgument}, {@code badResumptionToken}, {@code noRecordsMatch}, {@code noSetHierarchy}...
 */
class OaiErrorException extends RuntimeException {

	private final String code;

	OaiErrorException(String code, String text) {
		super("OAI-PMH error " + code + ((text == null || text.isBlank()) ? "" : ": " + text.strip()));
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
