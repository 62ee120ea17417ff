package io.paperboy.community;

import io.paperboy.account.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /u/{username}}: a member's or an imported submitter's profile. */
@Controller
class ProfileController {

	private final Profiles profiles;

	ProfileController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/u/{username}")
	String profile(@PathVariable String username, Model model, HttpServletResponse response) {
		Viewer viewer = Viewer.current();
		model.addAttribute("page", this.profiles.profile(username, viewer));
		if (!viewer.isAnonymous()) {
			// the cards show the member's own votes
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		}
		return "community/profile";
	}

}
