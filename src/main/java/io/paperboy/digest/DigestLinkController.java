package io.paperboy.digest;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.paperboy.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages behind the signed links in digest mail: confirm, preferences, unsubscribe and
 * resubscribe. No sign-in: the link is the proof of owning the address. A GET only shows a page
 * (mail scanners follow links); a POST acts. The POSTs need no CSRF token: the signed link is a
 * secret only the address's owner has, which is all a CSRF token would prove. A POST to the
 * unsubscribe link unsubscribes at once, so it also serves RFC 8058 one-click unsubscribe.
 */
@Controller
class DigestLinkController {

	static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final Subscriptions subscriptions;

	private final SignedLinks links;

	DigestLinkController(Subscriptions subscriptions, SignedLinks links) {
		this.subscriptions = subscriptions;
		this.links = links;
	}

	@GetMapping("/digest/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		Subscription subscription = find(token, LinkPurpose.CONFIRM, response);
		if (subscription.isConfirmed()) {
			return "redirect:" + this.links.path(subscription, LinkPurpose.PREFERENCES) + "?confirmed";
		}
		model.addAttribute("page", new LinkPage("Confirm your subscription",
				"Press the button to start receiving Paperboy's digest of trending papers at " + subscription.email() + ".",
				this.links.path(subscription, LinkPurpose.CONFIRM), "Confirm my subscription", null, null));
		return "digest/link";
	}

	@PostMapping("/digest/confirm/{token}")
	String confirm(@PathVariable String token, HttpServletResponse response) {
		Subscription subscription = this.subscriptions.confirm(find(token, LinkPurpose.CONFIRM, response));
		return "redirect:" + this.links.path(subscription, LinkPurpose.PREFERENCES) + "?confirmed";
	}

	@GetMapping("/digest/preferences/{token}")
	String preferences(@PathVariable String token, Model model, HttpServletResponse response,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String confirmed,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String saved,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String resubscribed) {
		Subscription subscription = find(token, LinkPurpose.PREFERENCES, response);
		String notice = (confirmed != null) ? "You're subscribed. Choose what you get, and when."
				: (saved != null) ? "Saved." : (resubscribed != null) ? "Welcome back: you're subscribed again." : null;
		model.addAttribute("page", page(subscription, PreferencesPage.Form.of(subscription.preferences()), notice, null));
		return "digest/preferences";
	}

	@PostMapping("/digest/preferences/{token}")
	String savePreferences(@PathVariable String token, @ModelAttribute FormFields fields, Model model,
			HttpServletResponse response) {
		Subscription subscription = find(token, LinkPurpose.PREFERENCES, response);
		PreferencesPage.Form form = fields.form();
		try {
			this.subscriptions.savePreferences(subscription, form.parse());
		}
		catch (InvalidPreferencesException ex) {
			// what was typed is shown again, with what is wrong: nothing is lost, nothing is saved
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", page(subscription, form, null, ex.getMessage()));
			return "digest/preferences";
		}
		return "redirect:" + this.links.path(subscription, LinkPurpose.PREFERENCES) + "?saved";
	}

	@GetMapping("/digest/unsubscribe/{token}")
	String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
		Subscription subscription = find(token, LinkPurpose.UNSUBSCRIBE, response);
		if (subscription.status() == Status.UNSUBSCRIBED) {
			model.addAttribute("page", unsubscribed(subscription, token));
			return "digest/link";
		}
		model.addAttribute("page", new LinkPage("Unsubscribe",
				"Press the button and " + subscription.email() + " gets no more digests from Paperboy.",
				this.links.path(subscription, LinkPurpose.UNSUBSCRIBE), "Unsubscribe", null, null));
		return "digest/link";
	}

	/** Unsubscribes at once: from the page's button, or a mail program's one-click POST (RFC 8058). */
	@PostMapping("/digest/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		Subscription subscription = this.subscriptions.unsubscribe(find(token, LinkPurpose.UNSUBSCRIBE, response));
		model.addAttribute("page", unsubscribed(subscription, token));
		return "digest/link";
	}

	@GetMapping("/digest/resubscribe/{token}")
	String resubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
		Subscription subscription = find(token, LinkPurpose.UNSUBSCRIBE, response);
		model.addAttribute("page", unsubscribed(subscription, token));
		return "digest/link";
	}

	@PostMapping("/digest/resubscribe/{token}")
	String resubscribe(@PathVariable String token, HttpServletResponse response) {
		Subscription subscription = this.subscriptions.resubscribe(find(token, LinkPurpose.UNSUBSCRIBE, response));
		return "redirect:" + this.links.path(subscription, LinkPurpose.PREFERENCES) + "?resubscribed";
	}

	private LinkPage unsubscribed(Subscription subscription, String token) {
		return new LinkPage("You're unsubscribed",
				subscription.email() + " gets no more digests from Paperboy. Changed your mind? You can come back.",
				"/digest/resubscribe/" + token, "Resubscribe", null, null);
	}

	private PreferencesPage page(Subscription subscription, PreferencesPage.Form form, String notice, String problem) {
		return new PreferencesPage(this.links.path(subscription, LinkPurpose.PREFERENCES), subscription.email(),
				subscription.status().key(), form, cadences(), weekdays(), ZONES,
				orderings(this.subscriptions.hasAccount(subscription)), notice, problem,
				this.links.path(subscription, LinkPurpose.UNSUBSCRIBE),
				"/digest/resubscribe/" + this.links.token(subscription, LinkPurpose.UNSUBSCRIBE), false);
	}

	static List<PreferencesPage.Choice> cadences() {
		return Arrays.stream(Cadence.values()).map((cadence) -> new PreferencesPage.Choice(cadence.key(), cadence.label())).toList();
	}

	/** The orders a subscriber can choose: "For you" only with an account. */
	static List<PreferencesPage.Choice> orderings(boolean account) {
		return Arrays.stream(Ordering.values())
			.filter((ordering) -> account || !ordering.needsAccount())
			.map((ordering) -> new PreferencesPage.Choice(ordering.key(), ordering.label()))
			.toList();
	}

	static List<PreferencesPage.Choice> weekdays() {
		return Arrays.stream(DayOfWeek.values())
			.map((day) -> new PreferencesPage.Choice(day.name(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
			.toList();
	}

	/** The subscription a genuine link names; any other link is one that does not exist. */
	private Subscription find(String token, LinkPurpose purpose, HttpServletResponse response) {
		// a page whose address is a key to someone's subscription is kept by no cache
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return this.subscriptions.byLink(token, purpose)
			.orElseThrow(() -> new NotFoundException("This link is not valid. Use the newest link from your digest mail."));
	}

	/**
	 * The fields of the preferences form, as posted; {@code personal} is the box of the form before
	 * {@code ordering}, still read from a page loaded before it.
	 */
	record FormFields(String cadence, String weekday, String hour, String zone, String papers, String categories,
			String keywords, String minUpvotes, String ordering, Boolean personal) {

		PreferencesPage.Form form() {
			String chosen = (ordering != null && !ordering.isBlank()) ? ordering
					: Boolean.TRUE.equals(personal) ? Ordering.UPVOTED.key() : null;
			return new PreferencesPage.Form(cadence, weekday, hour, zone, papers, categories, keywords, minUpvotes,
					chosen);
		}

	}

}
