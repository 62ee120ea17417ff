package io.paperboy.community;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.paperboy.account.Member;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /submit}: a member puts a paper on today's list (a curator on any day). A submission
 * ends on this page again, saying where the paper now is; a refused one keeps what was typed.
 * Only signed-in members get here (a rule of {@code web.SecurityConfiguration}).
 */
@Controller
class SubmitController {

	private final Submissions submissions;

	SubmitController(Submissions submissions) {
		this.submissions = submissions;
	}

	@GetMapping("/submit")
	String form(Member member, @RequestParam(required = false) String paper,
			@RequestParam(required = false) String outcome, CsrfToken csrf, Model model) {
		if (member.needsProfile()) {
			return "redirect:/welcome?continue=/submit";
		}
		SubmitPage.Result result = (paper != null) ? this.submissions.listingOf(paper)
			.map((listing) -> new SubmitPage.Result(listing, "added".equals(outcome),
					listing.submitter() != null && listing.submitter().id() == member.id()))
			.orElse(null) : null;
		model.addAttribute("page", page(member, "", "", null, result, csrf));
		return "community/submit";
	}

	@PostMapping("/submit")
	String submit(Member member, @RequestParam(defaultValue = "") String paper,
			@RequestParam(defaultValue = "") String day, CsrfToken csrf, Model model, HttpServletResponse response) {
		if (member.needsProfile()) {
			return "redirect:/welcome?continue=/submit";
		}
		try {
			Submission submission = this.submissions.submit(member, paper, parseDay(day));
			return "redirect:/submit?paper=" + URLEncoder.encode(submission.paperId(), StandardCharsets.UTF_8)
					+ "&outcome=" + (submission.added() ? "added" : "listed");
		}
		catch (SubmissionRefusedException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", page(member, paper, day, ex.getMessage(), null, csrf));
		}
		catch (ArxivUnavailableException ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "60");
			model.addAttribute("page", page(member, paper, day, ex.getMessage(), null, csrf));
		}
		return "community/submit";
	}

	private SubmitPage page(Member member, String paper, String day, String problem, SubmitPage.Result result,
			CsrfToken csrf) {
		return new SubmitPage(paper, day, problem, result, member.isCurator(), this.submissions.today(), csrf);
	}

	/** A day from the form: empty for today. */
	static LocalDate parseDay(String day) {
		if (day == null || day.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException ex) {
			throw new SubmissionRefusedException("\u201c" + day.strip() + "\u201d is not a day: write it as YYYY-MM-DD.");
		}
	}

}
