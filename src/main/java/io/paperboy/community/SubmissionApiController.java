package io.paperboy.community;

import java.net.URI;
import java.time.LocalDate;

import io.paperboy.account.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/papers/submit}: the submit page for scripts. A signed-in member's session and
 * the {@code X-CSRF-TOKEN} header, like every JSON call that changes something.
 */
@RestController
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
	// no "consumes": a body of another type then reaches this controller, which answers it with a problem
	@PostMapping("/api/papers/submit")
	ResponseEntity<?> submit(@AuthenticationPrincipal Member member, @RequestBody SubmitRequest request) {
		if (member == null) {
			return problem(HttpStatus.UNAUTHORIZED, "Sign in first", "Only signed-in members submit papers.");
		}
		LocalDate day = SubmitController.parseDay(request.date());
		Submission submission = this.submissions.submit(member, request.arxivId(), day);
		ApiSubmission body = ApiSubmission.of(submission);
		return submission.added() ? ResponseEntity.created(URI.create("/papers/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@ExceptionHandler(SubmissionRefusedException.class)
	ResponseEntity<ProblemDetail> refused(SubmissionRefusedException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Submission refused", ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request",
				"The body must be a JSON object such as {\"arxivId\": \"2401.00001\"}.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> notJson(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
				"Send the body as application/json, such as {\"arxivId\": \"2401.00001\"}.");
	}

	@ExceptionHandler(ArxivUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(ArxivUnavailableException ex) {
		ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "arXiv unavailable",
				ex.getMessage());
		return ResponseEntity.status(answer.getStatusCode())
			.header("Retry-After", "60")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(answer.getBody());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
