package io.paperboy.search;

import java.util.List;

import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperListing;
import io.paperboy.catalog.PaperPageSection;
import org.springframework.stereotype.Component;

/** Puts the papers nearest in meaning on a paper's page. */
@Component
class SimilarPapersSection implements PaperPageSection {

	private final SimilarPapers similar;

	SimilarPapersSection(SimilarPapers similar) {
		this.similar = similar;
	}

	@Override
	public String name() {
		return "similar";
	}

	@Override
	public List<PaperListing> model(Paper paper) {
		return this.similar.onPaperPage(paper.id());
	}

}
