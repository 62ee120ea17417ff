package io.paperboy.catalog;

/**
 * A section another feature adds to the paper page (the visitor's vote, members' comments, the
 * chart of votes, similar papers), rendered by that feature's own template. The paper page asks
 * each section for its model and hands it to {@code paper.jte} under {@link #name()}, so the
 * catalog shows what other features keep without depending on them. That template is one of the
 * frame's, at the top of the templates, which put several features together (docs/modules.md).
 */
public interface PaperPageSection {

	/** The name of the template parameter the model is passed as. */
	String name();

	/** The section's model for this paper, as the visitor of the current request sees it. */
	Object model(Paper paper);

}
