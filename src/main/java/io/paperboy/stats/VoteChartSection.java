package io.paperboy.stats;

import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperPageSection;
import org.springframework.stereotype.Component;

/** Puts the chart of a paper's votes on its page, when its votes came on more than one day. */
@Component
class VoteChartSection implements PaperPageSection {

	private final VoteHistory history;

	VoteChartSection(VoteHistory history) {
		this.history = history;
	}

	@Override
	public String name() {
		return "voteChart";
	}

	@Override
	public Chart model(Paper paper) {
		return this.history.chartWhenTelling(paper.id());
	}

}
