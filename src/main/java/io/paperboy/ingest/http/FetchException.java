package io.paperboy.ingest.http;

import java.net.URI;

import org.springframework.modulith.NamedInterface;

/**
 * A request that did not bring a usable response: a status that is not retried (most 4xx), or
 * every attempt failed. The message names the address and what happened.
 */
@NamedInterface("arxiv")
public class FetchException extends RuntimeException {

	private final URI uri;

	private final int status;

	private final String body;

	FetchException(URI uri, int status, String body, String message, Throwable cause) {
		super(message, cause);
		this.uri = uri;
		this.status = status;
		this.body = body;
	}

	public URI uri() {
		return this.uri;
	}

	/** The last HTTP status received, or 0 when no response came. */
	public int status() {
		return this.status;
	}

	/** The body of the last response, if one came (e.g. an error document to read). */
	public String body() {
		return this.body;
	}

}
