package io.paperboy.feed;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The day picker of the day pages: a form that asks for any date and lands on the day with papers
 * nearest to it, so that a weekend or a day before the catalog begins still leads somewhere.
 */
@Controller
class DayChoiceController {

	private final FeedService feed;

	DayChoiceController(FeedService feed) {
		this.feed = feed;
	}

	/**
	 * Sends the visitor to the chosen day when it has papers, else to the closest earlier day with
	 * papers, else to the closest later one; to the latest list when nothing was chosen or the
	 * catalog is empty. A date that is not {@code YYYY-MM-DD} is a 400 that says so.
	 */
	@GetMapping("/papers/date")
	String choose(@RequestParam(required = false) String date) {
		if (date == null || date.isBlank()) {
			return "redirect:/papers";
		}
		LocalDate chosen = DailyPapersQuery.parseDate(date.strip());
		return this.feed.nearestDay(chosen).map((day) -> "redirect:/papers/date/" + day).orElse("redirect:/papers");
	}

}
