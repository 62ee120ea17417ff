package io.paperboy.search;

import java.util.List;

import io.paperboy.catalog.PaperListing;
import org.springframework.stereotype.Service;

/** The papers closest in meaning to a paper, for its page. */
@Service
public class SimilarPapers {

	/** How many similar papers a paper page shows. */
	public static final int ON_PAPER_PAGE = 5;

	private final PaperSearch search;

	SimilarPapers(PaperSearch search) {
		this.search = search;
	}

	/**
	 * The {@value #ON_PAPER_PAGE} papers nearest to this one by meaning, nearest first, itself left
	 * out; empty while the paper has not been embedded yet, or when the index cannot answer.
	 */
	public List<PaperListing> of(String paperId) {
		try {
			return this.search.similar(paperId, ON_PAPER_PAGE);
		}
		catch (RuntimeException ex) {
			// a side panel: the paper page must not fail because the index does
			org.slf4j.LoggerFactory.getLogger(SimilarPapers.class).warn("No similar papers for {}", paperId, ex);
			return List.of();
		}
	}

}
