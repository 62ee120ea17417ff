package io.paperboy.ingest.arxiv;

import java.time.Duration;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * arXiv's API: papers by id, and searches. Every call respects arXiv's terms of use (one request
 * at a time, at least {@code paperboy.sources.arxiv.request-interval} apart, with a User-Agent
 * naming the operator), so one instance serves the whole application.
 */
@NamedInterface("arxiv")
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
	 * Looks one paper up for someone waiting for a page: one attempt, answered or given up within
	 * {@code deadline} whatever arXiv does. It takes its turn on the connection the sources share
	 * and keeps arXiv's interval, but does not queue behind a source's request or its wait between
	 * retries for longer than the deadline.
	 * @throws ArxivApiException when arXiv refuses the request or answers with something that is
	 * not a feed
	 * @throws io.paperboy.ingest.http.FetchException when arXiv cannot be reached, does not answer
	 * within the deadline, or the connection is busy beyond it
	 */
	ArxivFeed lookUpNow(String id, Duration deadline);

	/**
	 * One page of a search.
	 * @throws ArxivApiException when arXiv refuses the query or answers with something that is
	 * not a feed
	 * @throws io.paperboy.ingest.http.FetchException when arXiv cannot be reached
	 */
	ArxivFeed query(ArxivQuery query);

}
