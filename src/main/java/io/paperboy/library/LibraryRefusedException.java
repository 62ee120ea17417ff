package io.paperboy.library;

import io.paperboy.web.BadRequestException;

/** A change of a library or collection that cannot be made as asked: a bad name or slug, a limit reached. */
class LibraryRefusedException extends BadRequestException {

	LibraryRefusedException(String message) {
		super("Not saved", message);
	}

}
