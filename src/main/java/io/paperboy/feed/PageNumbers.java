package io.paperboy.feed;

import java.util.regex.Pattern;

import io.paperboy.web.BadRequestException;
import io.paperboy.web.NotFoundException;

/** The page of a list that an address asks for with {@code ?p=}: 1 when it asks for none. */
final class PageNumbers {

	private static final Pattern PAGE_NUMBER = Pattern.compile("[1-9]\\d{0,5}");

	private PageNumbers() {
	}

	/**
	 * The page number {@code p} gives, 1 when it is {@code null}.
	 * @throws BadRequestException when it is not a whole number from 1 to 999,999
	 */
	static int parse(String p) {
		if (p == null) {
			return 1;
		}
		if (!PAGE_NUMBER.matcher(p).matches()) {
			throw new BadRequestException(
					"p must be a page number from 1, not \"" + ((p.length() > 40) ? p.substring(0, 40) + "…" : p) + "\"");
		}
		return Integer.parseInt(p);
	}

	/**
	 * Checks that a list of papers has this page.
	 * @throws NotFoundException when the number is past its last page
	 */
	static void requireWithin(int number, int pageCount) {
		if (number > pageCount) {
			throw new NotFoundException("There is no page " + number + " of these papers; there are " + pageCount + ".");
		}
	}

}
