package io.paperboy.community;

import java.util.List;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperPageSection;
import org.springframework.stereotype.Component;

/** Gives the paper page's upvote button the visitor's own vote. */
@Component
class UpvoteSection implements PaperPageSection {

	private final Votes votes;

	UpvoteSection(Votes votes) {
		this.votes = votes;
	}

	@Override
	public String name() {
		return "ballot";
	}

	@Override
	public Ballot model(Paper paper) {
		return this.votes.ballot(Viewer.current(), List.of(paper.id()));
	}

}
