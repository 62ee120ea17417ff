package io.paperboy.digest;

import io.paperboy.account.Member;
import io.paperboy.mail.MailFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /subscribe}: the form in every page's footer posts here. It needs no CSRF token (pages
 * are cached for anonymous visitors, so the footer cannot carry one): a request grants nothing,
 * it only mails a confirmation link to the address, and the rate limits keep that from becoming
 * a way to flood an inbox. A signed-in member subscribing their own address is subscribed at once
 * (see {@link Subscriptions#subscribe}).
 */
@Controller
class SubscribeController {

	private final Subscriptions subscriptions;

	SubscribeController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/subscribe")
	String form(Model model) {
		model.addAttribute("page", SubscribePage.form(""));
		return "digest/subscribe";
	}

	@PostMapping("/subscribe")
	String subscribe(@RequestParam(defaultValue = "") String email, @AuthenticationPrincipal Member member,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Subscriptions.Request outcome;
		try {
			outcome = this.subscriptions.subscribe(email, request.getRemoteAddr(), member);
		}
		catch (InvalidAddressException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", SubscribePage.refused(email, ex.getMessage()));
			return "digest/subscribe";
		}
		catch (MailFailure ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			model.addAttribute("page", SubscribePage.refused(email,
					"We could not send the message just now. Nothing was lost: try again in a few minutes."));
			return "digest/subscribe";
		}
		model.addAttribute("page", (outcome == Subscriptions.Request.SUBSCRIBED) ? SubscribePage.subscribed(email)
				: SubscribePage.asked(email));
		return "digest/subscribe";
	}

}
