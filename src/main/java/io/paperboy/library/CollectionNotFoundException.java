package io.paperboy.library;

import io.paperboy.web.NotFoundException;

/**
 * A collection that does not exist, or that the one asking may not see: a private collection is
 * not found for anyone but its owner, so its existence is not given away.
 */
class CollectionNotFoundException extends NotFoundException {

	CollectionNotFoundException() {
		super("There is no such collection.");
	}

}
