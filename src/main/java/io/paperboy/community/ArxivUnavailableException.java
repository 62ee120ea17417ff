package io.paperboy.community;

/**
 * arXiv could not be asked about a paper just now (unreachable, overloaded, answering nonsense):
 * nothing was saved, and the member may try again later.
 */
class ArxivUnavailableException extends RuntimeException {

	ArxivUnavailableException(String paperId, Throwable cause) {
		super("arXiv could not be reached just now to look up " + paperId
				+ ". Nothing was saved; please try again in a few minutes.", cause);
	}

}
