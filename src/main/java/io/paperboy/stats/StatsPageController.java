package io.paperboy.stats;

import io.paperboy.web.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /stats}: papers per day, votes per day and the leading categories, over the last weeks ({@code ?weeks=8}). */
@Controller
class StatsPageController {

	private final StatsService stats;

	StatsPageController(StatsService stats) {
		this.stats = stats;
	}

	@GetMapping("/stats")
	String stats(@RequestParam(defaultValue = "8") int weeks, Model model) {
		if (weeks < 1 || weeks > StatsService.MAX_WEEKS) {
			throw new BadRequestException("weeks must be a whole number from 1 to " + StatsService.MAX_WEEKS + ".");
		}
		model.addAttribute("page", this.stats.page(weeks));
		return "stats/stats";
	}

}
