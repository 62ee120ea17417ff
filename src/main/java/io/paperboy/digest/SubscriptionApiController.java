package io.paperboy.digest;

import io.paperboy.account.Member;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscription}: the signed-in member's digest subscription. A member's address was
 * proved when they signed in, so a PUT subscribes it at once, with no confirmation mail. A PUT
 * needs the {@code X-CSRF-TOKEN} header.
 */
@RestController
class SubscriptionApiController {

	private final Subscriptions subscriptions;

	SubscriptionApiController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/api/subscription")
	ApiSubscription get(@AuthenticationPrincipal Member member) {
		return ApiSubscription.of(this.subscriptions.ofMember(signedIn(member))
			.orElseThrow(() -> new NotFoundException("You have no digest subscription; PUT one to subscribe.")));
	}

	@PutMapping("/api/subscription")
	ApiSubscription put(@AuthenticationPrincipal Member member, @RequestBody ApiSubscription update) {
		Member signedIn = signedIn(member);
		Subscription current = this.subscriptions.ofMember(signedIn).orElse(null);
		Preferences preferences;
		try {
			preferences = update.over((current != null) ? current.preferences() : Preferences.defaults());
		}
		catch (InvalidPreferencesException ex) {
			throw new BadRequestException(ex.getMessage());
		}
		boolean subscribed = (update.subscribed() != null) ? update.subscribed() : true;
		return ApiSubscription.of(this.subscriptions.saveForMember(signedIn, preferences, subscribed));
	}

	private static Member signedIn(Member member) {
		if (member == null) {
			throw new NotSignedInException();
		}
		return member;
	}

	@ExceptionHandler(NotSignedInException.class)
	ResponseEntity<ProblemDetail> notSignedIn() {
		return problem(HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in to see or change your digest subscription.");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable() {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "The body must be a JSON object with the subscription's fields.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static final class NotSignedInException extends RuntimeException {

		NotSignedInException() {
			super("Not signed in");
		}

	}

}
