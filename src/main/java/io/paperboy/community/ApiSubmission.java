package io.paperboy.community;

import java.time.LocalDate;

import io.paperboy.catalog.PaperListing;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to {@code POST /api/papers/submit}: the paper and the list it is on.
 *
 * @param id the paper's canonical arXiv id
 * @param title its title
 * @param date the day whose list it is on
 * @param submittedBy the username of its submitter, if known
 * @param added whether this request put it there; {@code false} when it was on the list already
 * @param hidden whether a curator hid it from that list
 */
@Schema(name = "Submission")
record ApiSubmission(String id, String title, LocalDate date, String submittedBy, boolean added, boolean hidden) {

	static ApiSubmission of(Submission submission) {
		PaperListing listing = submission.listing();
		return new ApiSubmission(listing.paper().id(), listing.paper().displayTitle(), listing.entry().day(),
				(listing.submitter() != null) ? listing.submitter().username() : null, submission.added(),
				listing.entry().hidden());
	}

}
