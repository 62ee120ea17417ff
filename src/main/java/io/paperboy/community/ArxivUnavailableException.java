package io.paperboy.community;

import java.time.Duration;

import io.paperboy.web.UnavailableException;

/**
 * arXiv could not be asked about a paper just now (unreachable, overloaded, not answering within
 * the deadline, its connection busy with a source, answering nonsense): nothing was saved, and the
 * member may try again later.
 */
class ArxivUnavailableException extends UnavailableException {

	ArxivUnavailableException(String paperId, Throwable cause) {
		super("arXiv unavailable", "arXiv could not be reached just now to look up " + paperId
				+ " (it is slow, down or busy). Nothing was saved; please try again in a minute.", Duration.ofSeconds(60), cause);
	}

}
