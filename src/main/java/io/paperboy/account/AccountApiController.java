package io.paperboy.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/me}: a signed-in member deletes their own account (session cookie and
 * {@code X-CSRF-TOKEN} header, like every change in the API). Refusals are problem documents from
 * {@code web.ErrorHandling}; a caller who is not signed in gets 401 from {@code web.SecurityConfiguration}.
 */
@RestController
@Tag(name = "Account", description = "The signed-in member's own account")
class AccountApiController {

	private final Accounts accounts;

	AccountApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Delete your account",
			description = "For a signed-in member (session cookie and X-CSRF-TOKEN header). Removes your saves, "
					+ "follows, collections, votes (papers' counts go down), reports, digest subscription, "
					+ "sign-in links and sessions (signed out everywhere); your comments and submissions stay, "
					+ "shown as by \"a deleted member\". 204 when deleted, 400 when `username` is not yours or "
					+ "you are the only administrator (nothing is deleted then), 401 when not signed in. "
					+ "Download your data first from /settings/signals.json.")
	@ApiResponse(responseCode = "204", description = "Deleted; this session is ended too")
	@ApiResponse(responseCode = "400", description = "Not deleted: the username does not match, or you are the only administrator")
	@DeleteMapping("/api/me")
	ResponseEntity<Void> delete(Member member,
			@Parameter(description = "your username, to confirm", required = true) @RequestParam(defaultValue = "") String username,
			HttpServletRequest request) {
		this.accounts.delete(member.id(), username);
		AccountSettingsController.signOut(request);
		return ResponseEntity.noContent().build();
	}

}
