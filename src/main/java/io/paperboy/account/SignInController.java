package io.paperboy.account;

import io.paperboy.mail.Mailer;
import io.paperboy.web.SafeRedirect;
import io.paperboy.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of signing in: the address form, "check your inbox", the page a mailed link opens, and
 * the first-time choice of a username. The link itself is Spring Security's (see
 * {@link SignInFlow}).
 */
@Controller
class SignInController {

	private final Accounts accounts;

	private final Mailer mailer;

	private final AccountProperties properties;

	private final SignInLinks links;

	SignInController(Accounts accounts, Mailer mailer, AccountProperties properties, SignInLinks links) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.properties = properties;
		this.links = links;
	}

	@GetMapping("/signin")
	String signIn(@RequestParam(name = "continue", required = false) String back,
			@RequestParam(required = false) String expired, @RequestParam(required = false) String unsent,
			CsrfToken csrf, Model model) {
		String problem = (expired != null) ? "That sign-in link has expired or was already used. Ask for a new one."
				: (unsent != null) ? "The sign-in link could not be sent just now. Please try again in a few minutes."
						: null;
		model.addAttribute("page", new SignInPage(SafeRedirect.path(back), "", problem, csrf));
		return "account/signin";
	}

	/**
	 * Where a refused request for a link ends: {@link SignInFlow} did not send one, and says why.
	 */
	@PostMapping("/signin/link")
	String refused(HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model) {
		Object refusal = request.getAttribute(SignInFlow.REFUSAL);
		if (refusal instanceof TooManyRequestsException tooMany) {
			throw tooMany;
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		String typed = request.getParameter("username");
		String why = (refusal instanceof Exception refused && refused.getMessage() != null) ? refused.getMessage()
				: SignInFlow.INVALID_ADDRESS;
		model.addAttribute("page", new SignInPage(SafeRedirect.path(request.getParameter("continue")),
				(typed != null) ? typed : "", why, csrf));
		return "account/signin";
	}

	@GetMapping("/signin/sent")
	String sent(@RequestParam(name = "continue", required = false) String back, Model model) {
		model.addAttribute("page", new SentPage(this.properties.signInLinkValidity().toMinutes(),
				this.mailer.keepsMailInOutbox()));
		return "account/sent";
	}

	/**
	 * The page a mailed link opens. It only looks at the link (opening it never signs in: mail
	 * scanners open links): a usable link gets the button that signs in, a spent one the sign-in form
	 * at once, saying why, instead of a button that can only fail.
	 */
	@GetMapping("/signin/token")
	String token(@RequestParam(defaultValue = "") String token,
			@RequestParam(name = "continue", required = false) String back, CsrfToken csrf, Model model) {
		String problem = switch (this.links.state(token)) {
			case USABLE -> null;
			case EXPIRED -> "This sign-in link has expired: a link works for "
					+ this.properties.signInLinkValidity().toMinutes() + " minutes. Ask for a new one below.";
			case SPENT -> "This sign-in link was already used, or has expired. Ask for a new one below.";
		};
		if (problem != null) {
			model.addAttribute("page", new SignInPage(SafeRedirect.path(back), "", problem, csrf));
			return "account/signin";
		}
		model.addAttribute("page", new TokenPage(token, SafeRedirect.path(back), csrf));
		return "account/token";
	}

	@GetMapping("/welcome")
	String welcome(Member member,
			@RequestParam(name = "continue", required = false) String back, CsrfToken csrf, Model model) {
		Accounts.Profile profile = member.needsProfile() ? this.accounts.suggestedProfile(member)
				: new Accounts.Profile(member.username(), member.displayName());
		model.addAttribute("page", WelcomePage.offering(profile.username(), profile.displayName(), SafeRedirect.path(back), csrf));
		return "account/welcome";
	}

	@PostMapping("/welcome")
	String chooseProfile(Member member, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName,
			@RequestParam(name = "continue", required = false) String back, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Member updated;
		try {
			updated = this.accounts.chooseProfile(member.id(), username, displayName);
		}
		catch (InvalidProfileException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", WelcomePage.refusing(username, displayName, SafeRedirect.path(back), ex, csrf));
			return "account/welcome";
		}
		// the session keeps the member as they were at sign-in: give it the new name
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		return "redirect:" + SafeRedirect.path(back);
	}

}
