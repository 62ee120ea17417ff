package io.paperboy.community;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;

import io.paperboy.account.Member;
import io.paperboy.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/papers/submit}: the submit page for scripts. A signed-in member's session and
 * the {@code X-CSRF-TOKEN} header, like every JSON call that changes something (a rule of
 * {@code web.SecurityConfiguration}). A refusal (400), an unreachable arXiv (503) and a body that is
 * not JSON are answered by {@code web.ErrorHandling}.
 */
@RestController
@Tag(name = "Submissions", description = "Papers members put on today's list")
@JsonBody(unreadable = "The body must be a JSON object such as {\"arxivId\": \"2401.00001\"}.",
		unsupported = "Send the body as application/json, such as {\"arxivId\": \"2401.00001\"}.")
class SubmissionApiController {

	private final Submissions submissions;

	SubmissionApiController(Submissions submissions) {
		this.submissions = submissions;
	}

	@Operation(summary = "Submit a paper to today's list",
			description = "Body: {\"arxivId\": \"2401.00001\"} (any arXiv id or address); curators may add "
					+ "\"date\": \"YYYY-MM-DD\". 201 when the paper joined the list, 200 when it was on a list "
					+ "already (that entry is returned), 400 when the id or the paper cannot be taken, 401 when "
					+ "not signed in, 429 after too many submissions, 503 when arXiv cannot be reached.")
	@ApiResponse(responseCode = "201", description = "Submitted",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiSubmission.class)))
	// no "consumes": a body of another type then reaches this controller, so its @JsonBody words answer it
	@PostMapping("/api/papers/submit")
	ResponseEntity<ApiSubmission> submit(Member member, @RequestBody SubmitRequest request) {
		LocalDate day = SubmitController.parseDay(request.date());
		Submission submission = this.submissions.submit(member, request.arxivId(), day);
		ApiSubmission body = ApiSubmission.of(submission);
		return submission.added() ? ResponseEntity.created(URI.create("/papers/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	/**
	 * What a script sends.
	 *
	 * @param arxivId an arXiv id or address
	 * @param date the day's list to join, for curators; absent for today
	 */
	record SubmitRequest(String arxivId, String date) {
	}

}
