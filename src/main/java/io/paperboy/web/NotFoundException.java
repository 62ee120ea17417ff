package io.paperboy.web;

/**
 * Something a request named that does not exist. Rendered once, by {@link ErrorHandling}, as a
 * friendly 404 page or a 404 problem document for the API.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
