package io.paperboy.ingest.oai;

/** An answer that is not an OAI-PMH document: malformed or cut-short XML, an HTML error page. */
class MalformedResponseException extends RuntimeException {

	MalformedResponseException(String message, Throwable cause) {
		super(message, cause);
	}

}
