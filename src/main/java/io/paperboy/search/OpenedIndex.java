package io.paperboy.search;

import java.io.UncheckedIOException;

import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index in its folder, opened on first use rather than at start, so that a command-line verb
 * beside a running server (which holds the index's lock) never touches it unless it means to.
 */
final class OpenedIndex {

	private final IndexLocation location;

	private final Embedder embedder;

	private volatile SearchIndex index;

	OpenedIndex(IndexLocation location, Embedder embedder) {
		this.location = location;
		this.embedder = embedder;
	}

	/**
	 * The index, opened now if it is not open yet.
	 * @throws IndexInUseException when another process holds the index's lock
	 */
	SearchIndex get() {
		SearchIndex opened = this.index;
		if (opened == null) {
			synchronized (this) {
				opened = this.index;
				if (opened == null) {
					try {
						opened = SearchIndex.open(this.location.folder(), this.embedder.model());
					}
					catch (UncheckedIOException ex) {
						if (ex.getCause() instanceof LockObtainFailedException) {
							throw new IndexInUseException(this.location.folder());
						}
						throw ex;
					}
					this.index = opened;
				}
			}
		}
		return opened;
	}

	IndexLocation location() {
		return this.location;
	}

	/** Closes the index if it is open; the next {@link #get()} opens it again. */
	void close() {
		SearchIndex opened = this.index;
		if (opened != null) {
			opened.close();
			this.index = null;
		}
	}

}
