package io.paperboy.search;

import java.nio.file.Path;

/** Another process (a running server) holds the index's write lock. */
class IndexInUseException extends RuntimeException {

	IndexInUseException(Path folder) {
		super("The search index in " + folder + " is in use by another process (a running server?). "
				+ "Stop it first: the server rebuilds a missing index by itself at start.");
	}

}
