package io.paperboy.community;

/**
 * arXiv could not be asked about a paper just now (unreachable, overloaded, not answering within
 * the deadline, its connection busy with a source, answering nonsense): nothing was saved, and the
 * member may try again later.
 */
class ArxivUnavailableException extends RuntimeException {

	ArxivUnavailableException(String paperId, Throwable cause) {
		super("arXiv could not be reached just now to look up " + paperId
				+ " (it is slow, down or busy). Nothing was saved; please try again in a minute.", cause);
	}

}
