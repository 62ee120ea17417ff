package io.paperboy.community;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.paperboy.account.Member;
import io.paperboy.account.Viewer;
import io.paperboy.catalog.ArxivId;
import io.paperboy.web.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The curators' forms on a paper page: feature or hide the paper on its day, or undo either. They
 * live on the paper page, which is made for each visitor, never on the cards of a day page, which
 * is kept and sent to everyone. Only signed-in members get here (a rule of
 * {@code web.SecurityConfiguration}); a member who is not a curator is refused (403) by
 * {@code web.ErrorHandling}.
 */
@Controller
class CurationController {

	private static final Pattern CURATE_PAGE = Pattern.compile("/curate\\?day=\\d{4}-\\d{2}-\\d{2}");

	private final Curation curation;

	CurationController(Curation curation) {
		this.curation = curation;
	}

	/** A day's list as curators see it, hidden papers included: where a hidden paper is found again. */
	@GetMapping("/curate")
	String day(Member member, @RequestParam(required = false) String day, Model model) {
		LocalDate date;
		try {
			date = (day == null || day.isBlank()) ? this.curation.today() : LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("Not a day: " + day + " (write it as YYYY-MM-DD)");
		}
		model.addAttribute("page", new CuratePage(date, this.curation.day(member, date)));
		return "community/curate";
	}

	@PostMapping("/curate")
	String curate(Member member, @RequestParam(defaultValue = "") String paper,
			@RequestParam(defaultValue = "") String action, @RequestParam(required = false) String back) {
		ArxivId id = ArxivId.tryParse(paper).orElseThrow(() -> new BadRequestException("Not an arXiv id: " + paper));
		CurationAction chosen = CurationAction.named(action)
			.orElseThrow(() -> new BadRequestException("Not a curation action: " + action));
		this.curation.apply(member, id.id(), chosen);
		// only ever back to a curators' day page: never to an address a form could be made to name
		return "redirect:" + ((back != null && CURATE_PAGE.matcher(back).matches()) ? back : "/papers/" + id.id());
	}

}
