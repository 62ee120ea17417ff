package io.paperboy.search;

import java.util.List;

import io.paperboy.catalog.PaperListing;
import org.springframework.stereotype.Service;

/** The papers most like a paper: for its page, and for the interests a digest reads. */
@Service
public class SimilarPapers {

	/** How many similar papers a paper page shows. */
	public static final int ON_PAPER_PAGE = 10;

	/** How many papers near in meaning {@link #of(String)} gives. */
	public static final int NEAREST = 5;

	private final PaperSearch search;

	SimilarPapers(PaperSearch search) {
		this.search = search;
	}

	/**
	 * The {@value #NEAREST} papers nearest to this one by meaning, nearest first, itself left out;
	 * empty while the paper has not been embedded yet, or when the index cannot answer.
	 */
	public List<PaperListing> of(String paperId) {
		try {
			return this.search.nearestByMeaning(paperId, NEAREST);
		}
		catch (RuntimeException ex) {
			// interests for a digest: the digest must not fail because the index does
			org.slf4j.LoggerFactory.getLogger(SimilarPapers.class).warn("No similar papers for {}", paperId, ex);
			return List.of();
		}
	}

	/**
	 * Up to {@value #ON_PAPER_PAGE} papers most like this one, best first, itself left out: by
	 * meaning and words blended once it is embedded ({@link SimilarityBlend}), by its words until
	 * then; empty when the index cannot answer.
	 */
	public List<PaperListing> onPaperPage(String paperId) {
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
