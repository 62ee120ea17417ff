package io.paperboy.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /settings/account}: a member's account, and "Delete my account", confirmed by typing their
 * username into a plain form (no script needed). Behind the members' rule of
 * {@code web.SecurityConfiguration} ({@code /settings/**}); the form carries the CSRF token.
 */
@Controller
class AccountSettingsController {

	private static final String PATH = "/settings/account";

	private final Accounts accounts;

	AccountSettingsController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping(PATH)
	String settings(Member member, CsrfToken csrf, Model model) {
		model.addAttribute("page", new AccountSettingsPage(member, "", null, csrf));
		return "account/settings";
	}

	@PostMapping(PATH + "/delete")
	String delete(Member member, @RequestParam(defaultValue = "") String username, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			this.accounts.delete(member.id(), username);
		}
		catch (AccountDeletionRefusedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", new AccountSettingsPage(member, username, ex.getMessage(), csrf));
			return "account/settings";
		}
		signOut(request);
		return "redirect:/account/deleted";
	}

	/** Where a deletion ends: open to everyone, as the member is signed out by then. */
	@GetMapping("/account/deleted")
	String deleted() {
		return "account/deleted";
	}

	/**
	 * Ends this request's session: the account's sessions were deleted with it, and the session this
	 * request holds must not be written back when the request ends.
	 */
	static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

}
