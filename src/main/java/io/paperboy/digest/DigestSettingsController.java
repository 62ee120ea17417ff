package io.paperboy.digest;

import io.paperboy.account.Member;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /settings/digest}: a signed-in member's digest, the same form as the signed preferences
 * link, with a box to turn it on or off. Their address was proved when they signed in, so turning
 * it on needs no confirmation mail. Only signed-in members get here (a rule of
 * {@code web.SecurityConfiguration}).
 */
@Controller
class DigestSettingsController {

	private static final String PATH = "/settings/digest";

	private final Subscriptions subscriptions;

	DigestSettingsController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping(PATH)
	String settings(Member member, @RequestParam(required = false) String saved, Model model) {
		Subscription subscription = this.subscriptions.ofMember(member).orElse(null);
		Preferences preferences = (subscription != null) ? subscription.preferences() : Preferences.defaults();
		String status = (subscription != null) ? subscription.status().key() : "none";
		model.addAttribute("page", page(member, status, PreferencesPage.Form.of(preferences), (saved != null) ? "Saved." : null,
				null));
		return "digest/preferences";
	}

	@PostMapping(PATH)
	String save(Member member, @ModelAttribute DigestLinkController.FormFields fields,
			@RequestParam(defaultValue = "false") boolean subscribed, Model model, HttpServletResponse response) {
		PreferencesPage.Form form = fields.form();
		try {
			this.subscriptions.saveForMember(member, form.parse(), subscribed);
		}
		catch (InvalidPreferencesException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", page(member, subscribed ? "confirmed" : "unsubscribed", form, null, ex.getMessage()));
			return "digest/preferences";
		}
		return "redirect:" + PATH + "?saved";
	}

	private static PreferencesPage page(Member member, String status, PreferencesPage.Form form, String notice,
			String problem) {
		return new PreferencesPage(PATH, member.email(), status, form, DigestLinkController.cadences(),
				DigestLinkController.weekdays(), DigestLinkController.ZONES, DigestLinkController.orderings(true), notice,
				problem, null, null, true);
	}

}
