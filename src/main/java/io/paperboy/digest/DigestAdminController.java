package io.paperboy.digest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.paperboy.account.Member;
import io.paperboy.mail.MailFailure;
import io.paperboy.mail.Mailer;
import io.paperboy.web.BadRequestException;
import io.paperboy.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/digests} (guarded like every operator's page): subscribers by status, the outbox
 * by state, the latest runs, suppressed addresses (and lifting a suppression), the digest any
 * subscriber would get now, and a test digest mailed to the signed-in admin.
 */
@Controller
class DigestAdminController {

	private final Subscriptions subscriptions;

	private final Digests digests;

	private final DigestMessages messages;

	private final Mailer mailer;

	private final Clock clock;

	private final SubscriptionRepository repository;

	private final OutboxRepository outbox;

	private final RunRepository runs;

	DigestAdminController(Subscriptions subscriptions, Digests digests, DigestMessages messages, Mailer mailer,
			Clock clock, SubscriptionRepository repository, OutboxRepository outbox, RunRepository runs) {
		this.repository = repository;
		this.outbox = outbox;
		this.runs = runs;
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.messages = messages;
		this.mailer = mailer;
		this.clock = clock;
	}

	@GetMapping("/admin/digests")
	String overview(@RequestParam(defaultValue = "") String email, @RequestParam(required = false) String sent,
			@RequestParam(required = false) String lifted, Model model) {
		DigestMail preview = null;
		String problem = null;
		if (!email.isBlank()) {
			Subscription subscription = this.subscriptions.byEmail(email).orElse(null);
			if (subscription == null) {
				problem = "No subscription for " + email + ".";
			}
			else {
				preview = this.messages.mail(this.digests.compose(subscription, this.clock.instant()));
			}
		}
		model.addAttribute("page", new DigestAdminPage(counts(), email, preview,
				(preview != null) ? DigestMessages.text(preview) : null,
				(sent != null) ? "A test digest is on its way to you."
						: (lifted != null) ? "The suppression is lifted: the address gets digests again." : null,
				problem, this.outbox.countByState(), this.runs.latest(20), this.repository.suppressed()));
		return "digest/admin";
	}

	/** The HTML part of a subscriber's digest, sandboxed like the outbox's messages: no script runs, no form submits. */
	@GetMapping("/admin/digests/preview.html")
	ResponseEntity<String> previewHtml(@RequestParam String email) {
		Subscription subscription = this.subscriptions.byEmail(email)
			.orElseThrow(() -> new NotFoundException("No subscription for " + email));
		String html = this.messages.html(this.messages.mail(this.digests.compose(subscription, this.clock.instant())));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html);
	}

	/**
	 * Mails the signed-in admin the digest their own subscription would get now, or, without one,
	 * the digest of the default preferences. It is not recorded: their real digest still comes.
	 */
	@PostMapping("/admin/digests/test")
	String sendTest(@AuthenticationPrincipal Member member) {
		// not a sign-in rule: the operators' bearer token opens this page too, and it has no address to mail
		if (member == null) {
			throw new BadRequestException("Sign in as an admin to be sent a test digest.");
		}
		Instant now = this.clock.instant();
		Subscription subscription = this.subscriptions.ofMember(member)
			.orElseGet(() -> new Subscription(0, member.email(), Status.CONFIRMED, Preferences.defaults(), member.id(), now,
					now, null));
		try {
			this.mailer.send(this.messages.testMessage(this.digests.compose(subscription, now), member.email()));
		}
		catch (MailFailure ex) {
			throw new BadRequestException("The test digest was not sent: " + ex.getMessage());
		}
		return "redirect:/admin/digests?sent";
	}

	/** Lifts a suppression: the address gets its next digest, and its bounces count from zero again. */
	@PostMapping("/admin/digests/suppressions/{id}/lift")
	String lift(@PathVariable long id) {
		if (!this.repository.lift(id)) {
			throw new NotFoundException("No suppressed address with id " + id);
		}
		return "redirect:/admin/digests?lifted";
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.subscriptions.countByStatus().forEach((status, count) -> counts.put(status.key(), count));
		return counts;
	}

}
