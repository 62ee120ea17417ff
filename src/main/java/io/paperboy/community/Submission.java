package io.paperboy.community;

import io.paperboy.catalog.PaperListing;

/**
 * What became of a submission.
 *
 * @param listing the paper with its daily entry and submitter, as the lists now show it
 * @param added whether this submission put the paper on a list; {@code false} when it was on one
 * already (the entry shown is that earlier one)
 */
record Submission(PaperListing listing, boolean added) {

	String paperId() {
		return this.listing.paper().id();
	}

}
