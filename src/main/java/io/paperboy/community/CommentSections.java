package io.paperboy.community;

import io.paperboy.account.Viewer;
import io.paperboy.catalog.Paper;
import io.paperboy.catalog.PaperPageSection;
import org.springframework.stereotype.Component;

/** Puts the comments section on every paper page, as the visitor of the request sees it. */
@Component
class CommentSections implements PaperPageSection {

	private final Comments comments;

	CommentSections(Comments comments) {
		this.comments = comments;
	}

	@Override
	public String name() {
		return "comments";
	}

	@Override
	public CommentSection model(Paper paper) {
		return this.comments.section(paper.id(), Viewer.current());
	}

}
