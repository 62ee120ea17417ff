package io.paperboy.community;

/**
 * A submission that cannot be taken as it is: text that is not an arXiv id, a paper arXiv does not
 * have, a paper too old for a member, a day the member may not choose. The message tells the
 * member what to change.
 */
class SubmissionRefusedException extends RuntimeException {

	SubmissionRefusedException(String message) {
		super(message);
	}

}
