package io.paperboy.community;

import io.paperboy.web.BadRequestException;

/**
 * A submission that cannot be taken as it is: text that is not an arXiv id, a paper arXiv does not
 * have, a paper too old for a member, a day the member may not choose. The message tells the
 * member what to change.
 */
class SubmissionRefusedException extends BadRequestException {

	SubmissionRefusedException(String message) {
		super("Submission refused", message);
	}

}
