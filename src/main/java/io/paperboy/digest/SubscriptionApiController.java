package io.paperboy.digest;

import io.paperboy.account.Member;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.JsonBody;
import io.paperboy.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscription}: the signed-in member's digest subscription. A member's address was
 * proved when they signed in, so a PUT subscribes it at once, with no confirmation mail. A PUT
 * needs the {@code X-CSRF-TOKEN} header. Only signed-in members get here (a rule of
 * {@code web.SecurityConfiguration}); failures are answered by {@code web.ErrorHandling}.
 */
@RestController
@Tag(name = "Digest subscription", description = "A signed-in member's email digest")
@JsonBody(unreadable = "The body must be a JSON object with the subscription's fields.")
class SubscriptionApiController {

	private final Subscriptions subscriptions;

	SubscriptionApiController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Operation(summary = "Your digest subscription",
			description = "Its preferences, including `ordering` (`trending`, `upvoted` or `for-you`) and, for clients "
					+ "written before it, `personalOrdering`.")
	@GetMapping("/api/subscription")
	ApiSubscription get(Member member) {
		return ApiSubscription.of(this.subscriptions.ofMember(member)
			.orElseThrow(() -> new NotFoundException("You have no digest subscription; PUT one to subscribe.")));
	}

	@Operation(summary = "Subscribe, change your digest or stop it",
			description = "Fields left out keep their value. `ordering` chooses the order of the papers; `for-you` orders "
					+ "them by your For you model, each with its reason. `personalOrdering` still works: `true` keeps a "
					+ "personal order or chooses `upvoted`, `false` chooses `trending`. A field that is wrong, or "
					+ "`personalOrdering` that disagrees with `ordering`, is a 400 and changes nothing.")
	@PutMapping("/api/subscription")
	ApiSubscription put(Member member, @RequestBody ApiSubscription update) {
		Subscription current = this.subscriptions.ofMember(member).orElse(null);
		Preferences preferences;
		try {
			preferences = update.over((current != null) ? current.preferences() : Preferences.defaults());
		}
		catch (InvalidPreferencesException ex) {
			throw new BadRequestException(ex.getMessage());
		}
		boolean subscribed = (update.subscribed() != null) ? update.subscribed() : true;
		return ApiSubscription.of(this.subscriptions.saveForMember(member, preferences, subscribed));
	}

}
