package io.paperboy.catalog;

import io.paperboy.web.NotFoundException;

/** A paper id that is well formed but not in the catalog. */
public class PaperNotFoundException extends NotFoundException {

	public PaperNotFoundException(String id) {
		super("No paper " + id + " in this catalog.");
	}

}
