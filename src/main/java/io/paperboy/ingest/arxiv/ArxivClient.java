package io.paperboy.ingest.arxiv;

import java.util.List;

/**
 * arXiv's API: papers by id, and searches. Every call respects arXiv's terms of use (one request
 * at a time, at least {@code paperboy.sources.arxiv.request-interval} apart, with a User-Agent
 * naming the operator), so one instance serves the whole application.
 */
public interface ArxivClient {

	/** arXiv answers at most this many ids in one request; longer lists are split. */
	int IDS_PER_REQUEST = 100;

	/**
	 * Looks papers up by id: new style ({@code 2104.12255}) or old style ({@code hep-th/9901001}),
	 * with or without a version ({@code v2} asks for that version, no version for the latest).
	 * Ids arXiv does not know are simply missing from the answer.
	 * @throws ArxivApiException when arXiv refuses the request (an id it cannot read) or answers
	 * with something that is not a feed
	 * @throws io.paperboy.ingest.http.FetchException when arXiv cannot be reached
	 */
	ArxivFeed lookUp(List<String> ids);

	/**
	 * One page of a search.
	 * @throws ArxivApiException when arXiv refuses the query or answers with something that is
	 * not a feed
	 * @throws io.paperboy.ingest.http.FetchException when arXiv cannot be reached
	 */
	ArxivFeed query(ArxivQuery query);

}
