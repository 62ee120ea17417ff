package io.paperboy.web;

/**
 * Input that cannot be understood: a malformed date, id or parameter. Rendered once, by
 * {@link ErrorHandling}, as a 400 page or a 400 problem document for the API.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
