package io.paperboy.account;

import java.util.Locale;

import io.paperboy.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: who has which role; granting and revoking curator and admin by address;
 * linking a submitter an import created to the address its person signs in with. Guarded like
 * every {@code /admin} page. A role granted or revoked applies from the member's next sign-in.
 */
@Controller
class AdminUsersController {

	private final Accounts accounts;

	AdminUsersController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/users")
	String users(CsrfToken csrf, Model model) {
		// a change redirects here with what it did as a flash attribute
		Object notice = model.getAttribute("notice");
		model.addAttribute("page", page((notice != null) ? notice.toString() : null, null, "", "", "", csrf));
		return "account/admin-users";
	}

	@PostMapping("/admin/users/grant")
	String grant(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			CsrfToken csrf, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Role granted = role(role);
		if (granted == null) {
			return refused(response, model, "Choose a role: curator or admin.", email, "", "", csrf);
		}
		try {
			Member member = this.accounts.grant(email, granted);
			redirect.addFlashAttribute("notice", member.email() + " is now " + article(granted) + ".");
		}
		catch (IllegalArgumentException ex) {
			return refused(response, model, ex.getMessage(), email, "", "", csrf);
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/revoke")
	String revoke(@RequestParam long id, @RequestParam(defaultValue = "") String role, CsrfToken csrf, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Role revoked = role(role);
		if (revoked == null) {
			return refused(response, model, "Choose a role: curator or admin.", "", "", "", csrf);
		}
		Member member = this.accounts.find(id).orElseThrow(() -> new NotFoundException("No member " + id));
		this.accounts.revoke(member.id(), revoked);
		redirect.addFlashAttribute("notice", name(member) + " is no longer " + article(revoked) + ".");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/link")
	String link(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
			CsrfToken csrf, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Member member = this.accounts.link(username.strip(), email);
			redirect.addFlashAttribute("notice",
					member.email() + " now signs in as " + member.username() + " (" + member.displayName() + ").");
		}
		catch (IllegalArgumentException ex) {
			return refused(response, model, ex.getMessage(), "", username, email, csrf);
		}
		return "redirect:/admin/users";
	}

	private String refused(HttpServletResponse response, Model model, String problem, String email, String linkUsername,
			String linkEmail, CsrfToken csrf) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("page", page(null, problem, email, linkUsername, linkEmail, csrf));
		return "account/admin-users";
	}

	private AdminUsersPage page(String notice, String problem, String email, String linkUsername, String linkEmail,
			CsrfToken csrf) {
		return new AdminUsersPage(this.accounts.withRoles(), notice, problem, email, linkUsername, linkEmail, csrf);
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String article(Role role) {
		return (role == Role.ADMIN) ? "an admin" : "a curator";
	}

	private static String name(Member member) {
		return (member.email() != null) ? member.email() : member.username();
	}

}
