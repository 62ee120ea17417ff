package io.paperboy.catalog;

import io.paperboy.web.BadRequestException;

/** Text that was offered as an arXiv id but is not one. */
public class InvalidArxivIdException extends BadRequestException {

	public InvalidArxivIdException(String text) {
		super("Not an arXiv id: \"" + abbreviate(text) + "\". Expected something like 2401.00001 or hep-th/9901001.");
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
