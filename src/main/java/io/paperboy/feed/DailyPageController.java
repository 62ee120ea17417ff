package io.paperboy.feed;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The daily list pages. */
@Controller
class DailyPageController {

	private final FeedService feed;

	DailyPageController(FeedService feed) {
		this.feed = feed;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/papers";
	}

	@GetMapping("/papers")
	String latest(Model model) {
		DayPage page = this.feed.latestDay().map(this.feed::day).orElse(new DayPage(null, java.util.List.of(), null, null));
		model.addAttribute("page", page);
		return "feed/day";
	}

	@GetMapping("/papers/date/{date}")
	String day(@PathVariable String date, Model model) {
		LocalDate day = DailyPapersQuery.parseDate(date);
		model.addAttribute("page", this.feed.day(day));
		return "feed/day";
	}

}
